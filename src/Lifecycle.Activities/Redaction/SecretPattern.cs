using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>A well-known secret format: the kind named in its redaction marker, and what a whole match of it looks like.</summary>
/// <param name="Kind">Named in the marker, e.g. <c>github-token</c> in <c>[REDACTED:github-token]</c>.</param>
/// <param name="Pattern">Matches the secret itself (names and labels around it stay, through look-arounds).</param>
public sealed record SecretPattern(string Kind, Regex Pattern);
