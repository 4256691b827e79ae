using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Definitions;

/// <summary>A declared workflow input: its JSON type, default and whether a caller must give it.</summary>
public sealed record WorkflowInputDefinition(string Type, JsonNode? Default, bool Required, string? Description)
{
    /// <summary>The JSON types an input may declare.</summary>
    public static readonly IReadOnlyList<string> Types = ["any", "string", "number", "integer", "boolean", "object", "array"];

    /// <summary>True when <paramref name="value"/> is of this input's type.</summary>
    public bool Accepts(JsonNode? value) => Type switch
    {
        "any" => true,
        "string" => value?.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "number" => value?.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        "integer" => value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number &&
                     double.TryParse(v.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture, out var d) &&
                     Math.Floor(d) == d,
        "boolean" => value?.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        _ => false,
    };
}
