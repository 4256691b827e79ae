using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Collaboration;

/// <summary>
/// Coding agents named as co-authors in commit messages (<c>Co-authored-by: Claude &lt;noreply@anthropic.com&gt;</c>):
/// a session whose commits carry one was agent-assisted.
/// </summary>
/// <remarks>
/// Agents are known by the address they sign with, which a person does not use: Claude Code's
/// <c>noreply@anthropic.com</c>, GitHub Copilot's <c>…+Copilot@users.noreply.github.com</c>, aider's
/// <c>noreply@aider.chat</c> and Cursor's agent's <c>cursoragent@cursor.com</c>. Other co-authors
/// are people and are not counted.
/// </remarks>
public static partial class CoAuthorTrailers
{
    private static readonly (Regex Email, string Agent)[] Known =
    [
        (new Regex(@"^noreply@anthropic\.com$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "claude"),
        (new Regex(@"^(?:\d+\+)?copilot(?:-swe-agent\[bot\])?@users\.noreply\.github\.com$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "copilot"),
        (new Regex(@"^noreply@aider\.chat$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "aider"),
        (new Regex(@"^cursoragent@cursor\.com$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "cursor"),
    ];

    /// <summary>The known agents a commit message names in its <c>Co-authored-by</c> trailers, in order, each once.</summary>
    public static IReadOnlyList<string> AgentsIn(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. Trailer().Matches(message)
            .Select(m => m.Groups["email"].Value.Trim())
            .Select(email => Known.FirstOrDefault(k => k.Email.IsMatch(email)).Agent)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^\s*Co-authored-by:\s*(?<name>[^<\n]*?)\s*<(?<email>[^>\n]+)>\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Trailer();
}
