using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>
/// Where the value of a <c>name = value</c> or <c>name: value</c> pair begins and ends: a quoted
/// value to its closing quote, an unquoted one to the next whitespace, less what ends the sentence
/// or the list around it.
/// </summary>
/// <remarks>
/// A generated password may hold any printable character (<c>Xy7(k9Lm2Qr8vZ</c>): a value cut at a
/// bracket or a comma leaves the rest of the secret in the text, and the part before the cut is often
/// too short to look random, so the whole secret stayed. An unquoted value therefore stops only at
/// whitespace, at a <c>;</c>, <c>&amp;</c> or <c>,</c> that starts the next <c>key=</c> pair
/// (connection and query strings), and loses its trailing <c>. , ; : ! ?</c>, quotes, and closing
/// brackets it did not open (<c>(see TOKEN=abc…).</c>). A secret that really ends in one of those
/// keeps that one character in the text: the rest is gone.
/// </remarks>
internal static partial class AssignedValue
{
    /// <summary>The name and value of the pair that starts at <paramref name="start"/>, or null when none does.</summary>
    public static (string Name, int Index, int Length)? At(string text, int start)
    {
        var pair = Pair().Match(text, start);
        if (!pair.Success)
        {
            return null;
        }

        var name = pair.Groups["name"].Value;
        var quoted = pair.Groups["quoted"];
        if (quoted.Success)
        {
            return (name, quoted.Index, quoted.Length);
        }

        var bare = pair.Groups["bare"];
        return (name, bare.Index, BareLength(text, bare.Index, bare.Length));
    }

    // The unquoted value's length once the next pair and the trailing punctuation are left out.
    private static int BareLength(string text, int index, int length)
    {
        for (var i = index; i < index + length; i++)
        {
            if (text[i] is ';' or '&' or ',' && NextPair().IsMatch(text, i + 1))
            {
                length = i - index;
                break;
            }
        }

        while (length > 0 && Trailing(text.AsSpan(index, length)))
        {
            length--;
        }

        return length;
    }

    // True when the value's last character ends the sentence or closes a bracket the value did not open.
    private static bool Trailing(ReadOnlySpan<char> value) => value[^1] switch
    {
        '.' or ',' or ';' or ':' or '!' or '?' or '"' or '\'' or '`' => true,
        ')' => value.Count('(') < value.Count(')'),
        ']' => value.Count('[') < value.Count(']'),
        '}' => value.Count('{') < value.Count('}'),
        '>' => value.Count('<') < value.Count('>'),
        _ => false,
    };

    // The name, an optional closing quote, = or : (not ://), then a value in quotes (backslash escapes
    // allowed, never past the line) or, when no closing quote follows, everything up to whitespace.
    [GeneratedRegex(@"\G(?<name>[A-Za-z_][A-Za-z0-9_.-]{0,80})[""']?[ \t]{0,3}(?:=|:(?!//))[ \t]{0,3}(?:(?<q>[""'`])(?<quoted>(?:\\[^\r\n]|(?!\k<q>)[^\\\r\n])+)\k<q>|[""'`]?(?<bare>\S+))",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Pair();

    // What follows a separator that starts the next pair: Database=, User Id=, state=.
    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_.-]{0,80}(?: [A-Za-z][A-Za-z0-9_.-]{0,40})?=", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex NextPair();
}
