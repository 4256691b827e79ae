using System.Text.Json;
using System.Text.RegularExpressions;
using Lifecycle.Activities.Handoff;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The last session as its committed handoff tells it, for a repository whose session store is new
/// while its history has sessions: a fresh clone (a colleague or an agent continuing), or
/// <c>.lifecycle/</c> removed by <c>git clean -xfd</c>.
/// </summary>
/// <remarks>
/// The newest <c>SESSION-NNNNN-HANDOFF.json</c> in the docs folder becomes that session's record:
/// its open tasks, blockers, notes, branch, HEAD and put-away work. The next session then takes
/// the following id (so it never writes over committed documents) and carries all that over as
/// from any previous session, including the stash when this repository still has it.
/// </remarks>
public static partial class CommittedHandoff
{
    /// <summary>The newest committed handoff as a closed session; null when there is none that reads.</summary>
    public static SessionContext? Read(string repositoryRoot, string? docsFolder)
    {
        var folder = Path.Combine(repositoryRoot, string.IsNullOrWhiteSpace(docsFolder) ? SessionDocs.DefaultFolder : docsFolder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        var newest = Directory.EnumerateFiles(folder, "SESSION-*-HANDOFF.json")
            .Select(path => (Path: path, Match: HandoffFileName().Match(System.IO.Path.GetFileName(path))))
            .Where(f => f.Match.Success)
            .OrderByDescending(f => f.Match.Groups["id"].Value, StringComparer.Ordinal)
            .Select(f => f.Path)
            .FirstOrDefault();
        if (newest is null)
        {
            return null;
        }

        Handoff.Handoff handoff;
        try
        {
            handoff = HandoffJson.Parse(File.ReadAllText(newest));
        }
        catch (Exception error) when (error is JsonException or IOException or NotSupportedException or ArgumentException)
        {
            return null;
        }

        var blockedTasks = handoff.OpenItems.Where(t => t.Status == Tasks.SessionTaskStatus.Blocked).Select(t => $"{t.Id} blocked: ").ToList();
        return new SessionContext
        {
            SessionId = SessionId.Normalize(handoff.SessionId),
            StartTime = handoff.StartTime,
            ActiveSince = handoff.ActiveSince ?? handoff.StartTime,
            EndTime = handoff.EndTime,
            State = SessionState.Dormant,
            StartedBy = "committed handoff",
            ActiveBranch = handoff.Branch,
            EndSha = handoff.HeadSha,
            Tasks = [.. handoff.OpenItems],
            Blockers = [.. handoff.Blockers.Where(b => !blockedTasks.Any(prefix => b.StartsWith(prefix, StringComparison.Ordinal)))],
            HandoffNotes = handoff.Notes ?? "",
            PutAway = handoff.Stash,
            UncommittedFiles = handoff.Stash is { } stash ? [.. stash.Files.Select(f => f.Path)] : [],
        };
    }

    [GeneratedRegex(@"^SESSION-(?<id>\d{5})-HANDOFF\.json$")]
    private static partial Regex HandoffFileName();
}
