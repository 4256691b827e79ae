using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Cli;

/// <summary>Parses JSON given on the command line (<c>--input</c>, <c>--payload</c>): inline, or <c>@file</c> to read a file.</summary>
public static class JsonArgument
{
    public static JsonNode? Parse(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var source = option;
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            var full = Path.GetFullPath(path, WorkingFolder.Current);
            if (!File.Exists(full))
            {
                throw new UsageException($"{option} @{path}: file '{path}' does not exist.");
            }

            text = File.ReadAllText(full);
            source = $"{option} @{path}";
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{source} is not valid JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}). Example: {option} '{{\"name\": \"Ada\"}}' or {option} @input.json");
        }

        try
        {
            // Escapes such as "\ud800" parse but name no character; they fail later, far from here.
            node?.ToJsonString();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or JsonException)
        {
            throw new UsageException($"{source} holds a \\u escape that is not a whole character (a lone surrogate); remove or fix it.");
        }

        return node;
    }

    public static JsonObject? ParseObject(string? text, string option) =>
        Parse(text, option) switch
        {
            null => null,
            JsonObject o => o,
            var other => throw new UsageException($"{option} must be a JSON object like '{{\"name\": \"Ada\"}}'; got {Shorten(other.ToJsonString())}."),
        };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
