using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Cli;

/// <summary>Parses JSON given on the command line (<c>--input</c>, <c>--payload</c>).</summary>
public static class JsonArgument
{
    public static JsonNode? Parse(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{option} is not valid JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}). Example: {option} '{{\"name\": \"Ada\"}}'");
        }
    }

    public static JsonObject? ParseObject(string? text, string option) =>
        Parse(text, option) switch
        {
            null => null,
            JsonObject o => o,
            var other => throw new UsageException($"{option} must be a JSON object like '{{\"name\": \"Ada\"}}'; got {other.ToJsonString()}."),
        };
}
