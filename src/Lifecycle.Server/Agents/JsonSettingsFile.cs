using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Cli;

namespace Lifecycle.Server.Agents;

/// <summary>
/// A JSON settings file of an agent (<c>.claude/settings.json</c>, <c>.mcp.json</c>) read and
/// written whole, its keys in their order: a file that is not a JSON object is refused with one
/// line and left as it is.
/// </summary>
public static class JsonSettingsFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The file's object; an empty one when it does not exist.</summary>
    public static JsonObject Read(string path, string shown)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        JsonObject settings;
        try
        {
            settings = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                   ?? throw new UsageException($"{shown} is not a JSON object; fix it (or move it away) and run the command again. It was not changed.");
        }
        catch (JsonException error)
        {
            throw new UsageException($"{shown} is not valid JSON (line {error.LineNumber + 1}): fix it (or move it away) and run the command again. It was not changed.");
        }

        try
        {
            JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = true });
        }
        catch (JsonException comment)
        {
            // Rewriting the file would drop the user's comments: they decide.
            throw new UsageException($"{shown} has comments (line {comment.LineNumber + 1}), which writing it again would lose: take them out (or move the file away) and run the command again. It was not changed.");
        }

        return settings;
    }

    /// <summary>
    /// The member <paramref name="name"/> of <paramref name="parent"/> as an object (a new one when it is absent); a one-line error,
    /// the file unchanged, when it is something else: it is the user's, and replacing it would lose it.
    /// </summary>
    public static JsonObject Object(JsonObject parent, string name, string shown) =>
        parent[name] switch
        {
            null => [],
            JsonObject found => found,
            _ => throw new UsageException($"\"{name}\" in {shown} is not a JSON object: fix it (or move the file away) and run the command again. It was not changed."),
        };

    /// <summary>The member <paramref name="name"/> of <paramref name="parent"/> as an array (a new one when it is absent); a one-line error when it is something else.</summary>
    public static JsonArray Array(JsonObject parent, string name, string shown) =>
        parent[name] switch
        {
            null => [],
            JsonArray found => found,
            _ => throw new UsageException($"\"{name}\" in {shown} is not a JSON array: fix it (or move the file away) and run the command again. It was not changed."),
        };

    /// <summary>Writes <paramref name="settings"/> when it differs from the file; deletes the file when it is left empty. True when the file changed.</summary>
    public static bool Write(string path, JsonObject settings)
    {
        var before = File.Exists(path) ? File.ReadAllText(path) : null;
        if (settings.Count == 0)
        {
            if (before is null)
            {
                return false;
            }

            File.Delete(path);
            return true;
        }

        var text = settings.ToJsonString(Indented) + "\n";
        if (before is not null && JsonNode.DeepEquals(JsonNode.Parse(text), Read(path, path)))
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".lifecycle-tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
        return true;
    }
}
