using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>
/// Removes secrets from a session document before it is written or committed: text between
/// <c>&lt;private&gt;</c> and <c>&lt;/private&gt;</c>, well-known key and token formats
/// (<see cref="SecretPatterns"/>), bearer credentials, and <c>NAME=value</c> / <c>name: value</c>
/// pairs whose name says secret and whose value looks random (<see cref="SecretAssignments"/>).
/// Each is replaced by <c>[REDACTED:kind]</c>, so a reader knows what was there, never what it was.
/// </summary>
/// <remarks>
/// Redacting twice changes nothing more (a marker is never taken for a secret). A <c>&lt;private&gt;</c>
/// without its closing marker hides the rest of its line: the writer asked for privacy, and the end
/// of a line is the most a note's author can have meant without a closing marker.
/// </remarks>
public static partial class SecretRedactor
{
    /// <summary>The marker that replaces a secret of <paramref name="kind"/>.</summary>
    public static string Marker(string kind) => $"[REDACTED:{kind}]";

    /// <summary>The text with its secrets replaced, and how many of each kind were.</summary>
    public static RedactionResult Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var redacted = Replace(PrivateBlock(), text, "private", counts);
        redacted = Replace(UnclosedPrivate(), redacted, "private", counts);
        foreach (var pattern in SecretPatterns.All.Where(p => p.MayMatch(text)))
        {
            redacted = Replace(pattern.Pattern, redacted, pattern.Kind, counts);
        }

        redacted = SecretAssignments.Redact(redacted, counts);
        return new RedactionResult(counts.Count == 0 ? text : redacted, counts);
    }

    /// <summary>
    /// A JSON document with the secrets in its strings replaced: each string is redacted as text
    /// (so an escaped line break or quote is seen as the character it is) and written back with the
    /// same escaping, and a member's string value also as the value of its name (<c>"password":
    /// "Xy7(k9Lm2Qr8vZ"</c>); the layout is untouched and the result is still valid JSON.
    /// </summary>
    public static RedactionResult RedactJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Redact(Unescaped(json)).Total == 0)
        {
            // One pass over the whole text finds nothing: no string holds a secret. Redacting string
            // by string costs far more (a handoff of 3,000 files has some 25,000 strings).
            return new RedactionResult(json, new Dictionary<string, int>());
        }

        var counts = new List<IReadOnlyDictionary<string, int>>();
        var redacted = JsonString().Replace(json, literal =>
        {
            var value = literal.Groups["value"];
            if (!value.Success)
            {
                return RedactString(literal.Value, null, counts);
            }

            var name = literal.Groups["name"].Value;
            var between = literal.Value[name.Length..(value.Index - literal.Index)];
            return RedactString(name, null, counts) + between + RedactString(value.Value, Decoded(name), counts);
        });
        return counts.Count == 0 ? new RedactionResult(json, new Dictionary<string, int>()) : new RedactionResult(redacted, RedactionResult.Sum(counts));
    }

    // One JSON string literal redacted as text; a member's value also as the value of its name
    // ("password": "Xy7(k9Lm2Qr8vZ" is a secret pair though neither string alone is a secret).
    private static string RedactString(string literal, string? memberName, List<IReadOnlyDictionary<string, int>> counts)
    {
        var value = Decoded(literal);
        var result = Redact(value);
        if (result.Total > 0)
        {
            counts.Add(result.Counts);
            return JsonSerializer.Serialize(result.Text, JsonStrings);
        }

        if (memberName is not null && SecretAssignments.IsSecretPair(memberName, value))
        {
            counts.Add(new Dictionary<string, int> { ["secret-assignment"] = 1 });
            return JsonSerializer.Serialize(Marker("secret-assignment"), JsonStrings);
        }

        return literal;
    }

    private static string Decoded(string literal) => literal.Contains('\\') ? JsonSerializer.Deserialize<string>(literal)! : literal[1..^1];

    /// <summary>A session document by its file name: JSON documents string by string, the others as text.</summary>
    public static RedactionResult RedactDocument(string path, string text) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? RedactJson(text) : Redact(text);

    /// <summary>
    /// The JSON text with its line breaks, tabs and quotes unescaped: what its strings say, for a pass
    /// that only looks (a secret next to an escaped line break reads as it does in its string).
    /// </summary>
    private static string Unescaped(string json) => json.Contains('\\')
        ? json.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\r", "\r", StringComparison.Ordinal)
            .Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal)
        : json;

    private static readonly JsonSerializerOptions JsonStrings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The whole match is the secret, or its group 'secret' is (what is around it stays).
    internal static string Replace(Regex pattern, string text, string kind, IDictionary<string, int> counts) =>
        pattern.Replace(text, match =>
        {
            counts[kind] = counts.TryGetValue(kind, out var count) ? count + 1 : 1;
            var secret = match.Groups["secret"];
            return secret.Success
                ? string.Concat(match.ValueSpan[..(secret.Index - match.Index)], Marker(kind), match.ValueSpan[(secret.Index + secret.Length - match.Index)..])
                : Marker(kind);
        });

    [GeneratedRegex(@"<private>[\s\S]*?</private>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PrivateBlock();

    [GeneratedRegex(@"<private>[^\n]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex UnclosedPrivate();

    // A string, or a member: its name, the colon and its value when the value is a string.
    [GeneratedRegex(@"(?<name>""(?:[^""\\]|\\.)*"")(?:\s*:\s*(?<value>""(?:[^""\\]|\\.)*""))?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex JsonString();
}
