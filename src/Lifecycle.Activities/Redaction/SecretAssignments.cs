using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>
/// Secrets known by where they stand rather than by their shape: <c>NAME=value</c>,
/// <c>name: value</c> and <c>"name": "value"</c> where the name says secret (token, secret,
/// password, api key, access key, private key, credential, a name ending in <c>key</c>) and the
/// value looks random; and <c>Bearer</c>/<c>Basic</c> credentials.
/// </summary>
/// <remarks>
/// "Looks random": at least 12 characters, letters mixed with digits or both cases, Shannon entropy
/// of at least <see cref="MinimumEntropy"/> bits per character, and not a URL, a path, a variable
/// reference (<c>$TOKEN</c>, <c>${{ secrets.X }}</c>) or a version (<see cref="ValueShapes"/>). So
/// <c>max_tokens: 4096</c>, <c>TOKEN_URL=https://…</c> or <c>password_file: config/secrets.yml</c>
/// stay, while <c>DB_PASSWORD=Xk9#mQ2vL8pR4tZ7</c> and <c>DB_PASSWORD="Xy7(k9Lm2Qr8vZ"</c> go whole
/// (<see cref="AssignedValue"/> says where a value ends).
/// </remarks>
public static partial class SecretAssignments
{
    /// <summary>Entropy a value needs, in bits per character (random base64 of 16 characters is near 3.9; English words below 3.2).</summary>
    public const double MinimumEntropy = 3.2;

    private const int MinimumLength = 12;

    /// <summary>Replaces each secret value (the name stays) and counts it under <c>secret-assignment</c> or <c>bearer-credential</c>.</summary>
    public static string Redact(string text, IDictionary<string, int> counts)
    {
        var redacted = ReplaceValues(Assignments(text), text, "secret-assignment", counts);
        return ReplaceValues(Bearers(redacted), redacted, "bearer-credential", counts);
    }

    // Finds the words that say secret first (rare), then reads each as 'name = value': a text has
    // many 'name: value' pairs (a handoff's JSON tens of thousands) and looking at each cost more
    // than the rest of the redaction together.
    private static IEnumerable<(int Index, int Length)> Assignments(string text)
    {
        var lastStart = -1;
        for (var word = SecretWord().Match(text); word.Success; word = word.NextMatch())
        {
            var start = word.Index;
            while (start > 0 && IsNameChar(text[start - 1]))
            {
                start--;
            }

            if (start == lastStart)
            {
                continue;
            }

            lastStart = start;
            if (AssignedValue.At(text, start) is var (name, index, length) && SecretName().IsMatch(name) && IsSecretPair(name, text.Substring(index, length)))
            {
                yield return (index, length);
            }
        }
    }

    private static IEnumerable<(int Index, int Length)> Bearers(string text)
    {
        for (var match = Bearer().Match(text); match.Success; match = match.NextMatch())
        {
            var value = match.Groups["value"];
            if (LooksRandom(value.Value))
            {
                yield return (value.Index, value.Length);
            }
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    // Rebuilds the text only when there is a secret in it.
    private static string ReplaceValues(IEnumerable<(int Index, int Length)> secrets, string text, string kind, IDictionary<string, int> counts)
    {
        System.Text.StringBuilder? built = null;
        var copied = 0;
        foreach (var value in secrets)
        {
            if (value.Index < copied)
            {
                continue;
            }

            built ??= new System.Text.StringBuilder(text.Length);
            built.Append(text, copied, value.Index - copied).Append(SecretRedactor.Marker(kind));
            copied = value.Index + value.Length;
            Count(counts, kind);
        }

        return built is null ? text : built.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>True when a pair's name says secret and its value looks random (and is not a file name given to a name that holds a file).</summary>
    public static bool IsSecretPair(string name, string value) =>
        SecretName().IsMatch(name) && LooksRandom(value) && !ValueShapes.IsFileNameOf(name, value);

    /// <summary>True when <paramref name="value"/> has the look of a generated secret rather than of a word, number, path, URL or reference.</summary>
    public static bool LooksRandom(string value)
    {
        if (value.Length < MinimumLength || value.StartsWith("[REDACTED:", StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal)
            || ValueShapes.IsReference(value) || ValueShapes.IsVersion(value) || ValueShapes.IsPath(value))
        {
            return false;
        }

        var letters = value.Any(char.IsAsciiLetter);
        var digits = value.Any(char.IsAsciiDigit);
        var mixedCase = value.Any(char.IsAsciiLetterUpper) && value.Any(char.IsAsciiLetterLower);
        return letters && (digits || mixedCase) && ShannonEntropy.Of(value) >= MinimumEntropy;
    }

    private static void Count(IDictionary<string, int> counts, string kind) =>
        counts[kind] = counts.TryGetValue(kind, out var count) ? count + 1 : 1;

    // Where a name that may say secret is: searched before anything else.
    [GeneratedRegex(@"(?i)secret|token|passw|pwd|credential|auth|key", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SecretWord();

    [GeneratedRegex(@"(?i)(?:secret|token|passw(?:or)?d|pwd|api[_.-]?key|access[_.-]?key|private[_.-]?key|credential|auth[_.-]?(?:key|code)|key$)",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[Bb]earer|[Bb]asic)[ \t]+(?<value>[A-Za-z0-9._~+/-]{12,}=*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Bearer();
}
