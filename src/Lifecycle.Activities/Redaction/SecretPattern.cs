using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>A well-known secret format: the kind named in its redaction marker, and what a whole match of it looks like.</summary>
/// <param name="Kind">Named in the marker, e.g. <c>github-token</c> in <c>[REDACTED:github-token]</c>.</param>
/// <param name="Pattern">Matches the secret, or around it with the secret in the group named <c>secret</c> (what is around it stays).</param>
/// <param name="Hints">Texts (any case) one of which a text must contain for the pattern to run at all; none: it always runs.</param>
public sealed record SecretPattern(string Kind, Regex Pattern, params string[] Hints)
{
    /// <summary>True when the text may hold this kind of secret (a cheap search before the pattern's).</summary>
    public bool MayMatch(string text) => Hints.Length == 0 || Hints.Any(h => text.Contains(h, StringComparison.OrdinalIgnoreCase));
}
