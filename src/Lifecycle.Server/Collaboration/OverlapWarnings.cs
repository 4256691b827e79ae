using System.Globalization;
using Lifecycle.Activities.Handoff;
using LibGit2Sharp;

namespace Lifecycle.Server.Collaboration;

/// <summary>
/// What the start warns about: another session, committed on another ref (a branch pushed by
/// another clone and fetched here), left work unfinished on files this clone is changing.
/// </summary>
/// <remarks>
/// <para>"This clone's files": uncommitted in the work tree (after the start restored its stash),
/// and committed on HEAD since its merge base with the other session's ref.</para>
/// <para>"The other session's files": the files it put away uncommitted (its stash), and, while it
/// has open tasks, the files its commits changed. "Tasks on the same files": an open task of the
/// other session whose title names one of this clone's files, by path or by file name
/// (<c>Fix the parser in Parser.cs</c>): a task records no files, its title is what says where it works.</para>
/// <para>Sessions that left nothing unfinished (no stash, no open task) are passed over; the caller
/// leaves out this clone's own (<see cref="StartBriefing"/>).</para>
/// </remarks>
public static class OverlapWarnings
{
    /// <summary>One sentence per other session that overlaps; empty when none does.</summary>
    /// <param name="repositoryRoot">This clone.</param>
    /// <param name="others">Other sessions committed on other refs (<see cref="CommittedHandoffs.OnAllRefs"/>, without this clone's own).</param>
    public static IReadOnlyList<string> For(string repositoryRoot, IReadOnlyList<RefSession> others)
    {
        var candidates = others.Where(o => o.InFlight).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        using var repo = new Repository(repositoryRoot);
        var uncommitted = ClonePaths.Uncommitted(repo);
        var warnings = new List<string>();
        foreach (var other in candidates)
        {
            var mine = uncommitted.Union(ClonePaths.CommittedSince(repo, other.Refs[0])).ToHashSet(StringComparer.Ordinal);
            if (mine.Count == 0)
            {
                continue;
            }

            var handoff = other.Handoff;
            var parts = new List<string>();
            var putAway = (handoff.Stash?.Files ?? []).Select(f => f.Path).Where(mine.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (putAway.Count > 0)
            {
                parts.Add($"uncommitted work (put away in their stash) on {Names(putAway)}");
            }

            if (handoff.OpenItems.Count > 0)
            {
                var committed = handoff.WorkCompleted.Files.Select(f => f.Path).Where(p => mine.Contains(p) && !putAway.Contains(p)).Order(StringComparer.Ordinal).ToList();
                if (committed.Count > 0)
                {
                    parts.Add($"changes on {Names(committed)} with tasks still open");
                }
            }

            parts.AddRange(handoff.OpenItems
                .Select(task => (task, files: mine.Where(path => Names(task.Title, path)).Order(StringComparer.Ordinal).ToList()))
                .Where(t => t.files.Count > 0)
                .Select(t => $"open task {t.task.Id} \"{OneLine(t.task.Title)}\"{(t.task.Assignee is { } a ? $" (for {a})" : "")} on {Names(t.files)}"));
            if (parts.Count > 0)
            {
                warnings.Add($"{Who(handoff)} (session {handoff.SessionId} on {string.Join(", ", other.RefNames)}, last seen {Time(handoff.EndTime)}) has "
                    + $"{string.Join("; ", parts)}, which you are changing too. Talk to them before you go on, or expect to merge.");
            }
        }

        return warnings;
    }

    internal static string Who(Handoff handoff) => handoff.RanBy?.Describe() ?? "someone (no identity recorded)";

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    // A title names a file by its path, or by its file name when that has an extension (a bare word like "README" is too common to count).
    private static bool Names(string title, string path)
    {
        var name = Path.GetFileName(path);
        return title.Contains(path, StringComparison.OrdinalIgnoreCase)
               || (Path.HasExtension(name) && name.Length >= 4 && ContainsWord(title, name));
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static string Names(IReadOnlyList<string> paths) =>
        paths.Count <= 10 ? string.Join(", ", paths) : $"{string.Join(", ", paths.Take(10))} and {paths.Count - 10} more";

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
