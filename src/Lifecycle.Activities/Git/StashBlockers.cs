using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Git;

/// <summary>The blockers <see cref="RestoreStash"/> records about a stash left in place, and the stash each names.</summary>
public static partial class StashBlockers
{
    /// <summary>What a blocker about a stash made in another clone starts with: it cannot be checked here, so it is never cleared by itself.</summary>
    public const string OtherClonePrefix = "In the clone that made it: ";

    /// <summary>The stash name a blocker recorded by <see cref="RestoreStash"/> names; null for any other blocker.</summary>
    public static string? StashNamed(string blocker) =>
        Pattern().Match(blocker) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"^The (?:stash|work session \S+ put away in stash) '(?<name>lifecycle session [^']+)'")]
    private static partial Regex Pattern();
}
