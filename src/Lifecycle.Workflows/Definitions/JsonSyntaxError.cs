using System.Text;
using System.Text.Json;

namespace Lifecycle.Workflows.Definitions;

/// <summary>Turns System.Text.Json's syntax errors into one line a person can act on.</summary>
public static class JsonSyntaxError
{
    /// <summary>
    /// "Invalid JSON at line L, column C: reason", with the line and column counted from 1 in
    /// characters (the parser counts UTF-8 bytes from 0) and the parser's own position suffix removed.
    /// </summary>
    /// <param name="error">What the parser threw.</param>
    /// <param name="json">The text it parsed.</param>
    public static string Describe(JsonException error, string json)
    {
        var reason = error.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason[..cut];
            }
        }

        // The parser quotes what it read ("'f]\n {' is an invalid JSON literal"): keep that on one line.
        reason = JsonStrings.Printable(reason);
        var line = (int)(error.LineNumber ?? 0);
        return $"Invalid JSON at line {line + 1}, column {ColumnOf(json, line, (int)(error.BytePositionInLine ?? 0)) + 1}: {reason}";
    }

    private static int ColumnOf(string json, int line, int bytePosition)
    {
        var lines = json.Split('\n');
        if (line >= lines.Length)
        {
            return bytePosition;
        }

        var bytes = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(bytes, 0, Math.Min(bytePosition, bytes.Length));
    }
}
