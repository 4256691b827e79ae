using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Lays out a JSON document as <see cref="System.Text.Json"/> indents it (two spaces, LF), except that
/// each item of a list of flat objects (every value a string, number, boolean or null: commits,
/// files, tasks, errors) takes one line: <c>{"path": "src/a.cs", "added": 3, …}</c>.
/// </summary>
/// <remarks>
/// A handoff keeps every file and commit of the session; indented one field a line, 3,044 files
/// took some 40,000 lines. One line per item keeps the document complete, and its diffs readable.
/// </remarks>
internal static class HandoffJsonLayout
{
    public static string Write(JsonNode? node, JsonSerializerOptions options)
    {
        var text = new StringBuilder();
        Write(text, node, 0, options);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, int depth, JsonSerializerOptions options)
    {
        switch (node)
        {
            case JsonObject { Count: 0 }:
                text.Append("{}");
                break;
            case JsonObject obj:
                Block(text, '{', '}', obj, depth, (pair, d) =>
                {
                    text.Append(Key(pair.Key, options)).Append(": ");
                    Write(text, pair.Value, d, options);
                });
                break;
            case JsonArray { Count: 0 }:
                text.Append("[]");
                break;
            case JsonArray array when array.All(IsFlatObject):
                Block(text, '[', ']', array, depth, (item, _) => OneLine(text, (JsonObject)item!, options));
                break;
            case JsonArray array:
                Block(text, '[', ']', array, depth, (item, d) => Write(text, item, d, options));
                break;
            default:
                text.Append(node?.ToJsonString(options) ?? "null");
                break;
        }
    }

    private static void Block<T>(StringBuilder text, char open, char close, IEnumerable<T> items, int depth, Action<T, int> item)
    {
        text.Append(open);
        var first = true;
        foreach (var each in items)
        {
            text.Append(first ? "\n" : ",\n").Append(' ', (depth + 1) * 2);
            item(each, depth + 1);
            first = false;
        }

        text.Append('\n').Append(' ', depth * 2).Append(close);
    }

    private static void OneLine(StringBuilder text, JsonObject item, JsonSerializerOptions options)
    {
        text.Append('{');
        text.AppendJoin(", ", item.Select(pair => $"{Key(pair.Key, options)}: {pair.Value?.ToJsonString(options) ?? "null"}"));
        text.Append('}');
    }

    private static bool IsFlatObject(JsonNode? node) =>
        node is JsonObject { Count: > 0 } item && item.All(pair => pair.Value is null or JsonValue);

    private static string Key(string key, JsonSerializerOptions options) => JsonSerializer.Serialize(key, options.GetTypeInfo(typeof(string)));
}
