using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lifecycle.Workflows.Definitions;

/// <summary>
/// The strings of a parsed document as text: the ones that cannot become text at all, and a printable
/// form for messages that are read one problem per line.
/// </summary>
public static partial class JsonStrings
{
    /// <summary>
    /// The first string or property name in <paramref name="root"/> that System.Text.Json parsed but
    /// cannot turn into text: an escape of half a UTF-16 surrogate pair (<c>\ud800</c>) without the
    /// other half. Reading it throws <see cref="InvalidOperationException"/>, so readers check first.
    /// </summary>
    /// <returns>Its JSONPath and a sentence that suggests the fix; null when every string reads.</returns>
    public static (string Path, string Message)? FindUnreadable(JsonElement root) => Find(root, "$", duplicates: false);

    /// <summary>
    /// The first object in <paramref name="root"/> that has a key twice (System.Text.Json parses it;
    /// <c>JsonObject</c> throws on it). Assumes <see cref="FindUnreadable"/> found nothing.
    /// </summary>
    /// <returns>The JSONPath of the second one and a sentence that suggests the fix; null when there is none.</returns>
    public static (string Path, string Message)? FindDuplicateKey(JsonElement root) => Find(root, "$", duplicates: true);

    /// <summary>
    /// <paramref name="text"/> with control characters written as JSON escapes (<c>\n</c>, <c>\u0007</c>),
    /// so a value quoted in a message keeps the message on one line.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The JSONPath of property <paramref name="name"/> under <paramref name="path"/>: <c>$.a</c>, or <c>$['a b']</c> when the name is not a plain identifier.</summary>
    public static string Child(string path, string name) =>
        PlainKey().IsMatch(name) ? $"{path}.{name}" : $"{path}['{Printable(name).Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static (string Path, string Message)? Find(JsonElement element, string path, bool duplicates)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var index = 0;
                var seen = duplicates ? new HashSet<string>(StringComparer.Ordinal) : null;
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return (path, $"The name of property {(index + 1).ToString(CultureInfo.InvariantCulture)} {HalfPair}");
                    }

                    if (seen is not null && !seen.Add(name))
                    {
                        return (Child(path, name), $"Key '{Printable(name)}' appears more than once in this object; keep one.");
                    }

                    if (Find(property.Value, Child(path, name), duplicates) is { } found)
                    {
                        return found;
                    }

                    index++;
                }

                return null;
            case JsonValueKind.Array:
                var item = 0;
                foreach (var value in element.EnumerateArray())
                {
                    if (Find(value, $"{path}[{item++}]", duplicates) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.String:
                try
                {
                    element.GetString();
                    return null;
                }
                catch (InvalidOperationException)
                {
                    return (path, $"The string {HalfPair}");
                }

            default:
                return null;
        }
    }

    private const string HalfPair =
        "has an escape for half of a UTF-16 surrogate pair (\\ud800 to \\udfff) without the other half, which is no character; " +
        "write the character itself, or both halves such as \\ud83d\\ude00.";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainKey();
}
