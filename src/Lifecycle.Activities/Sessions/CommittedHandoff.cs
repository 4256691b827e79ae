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
/// The newest <c>SESSION-NNNNN-HANDOFF.json</c> in the docs folder that reads becomes that session's record:
/// its open tasks, blockers, notes, branch, HEAD and put-away work. The next session then takes
/// the following id (so it never writes over committed documents) and carries all that over as
/// from any previous session, including the stash when this repository still has it.
/// </remarks>
public static partial class CommittedHandoff
{
    /// <summary>The newest committed handoff that reads, as a closed session; null when there is none.</summary>
    public static SessionContext? Read(string repositoryRoot, string? docsFolder)
    {
        foreach (var path in HandoffFiles(repositoryRoot, docsFolder).Select(f => f.Path))
        {
            if (TryRead(path) is { } session)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>
    /// Every committed handoff, newest first, each as a closed session or, when it does not read,
    /// with the reason (for <c>lifecycle recover</c>, which says what it found and used).
    /// </summary>
    public static IReadOnlyList<CommittedSession> ReadAll(string repositoryRoot, string? docsFolder) =>
        [.. HandoffFiles(repositoryRoot, docsFolder).Select(f => Describe(f.Path, f.Id))];

    private static CommittedSession Describe(string path, string id)
    {
        try
        {
            return new CommittedSession(id, path, ToSession(path), null);
        }
        catch (Exception error)
        {
            return new CommittedSession(id, path, null, error.Message);
        }
    }

    /// <summary>The highest session id a committed handoff's file name carries, whether or not it reads; null when there is none.</summary>
    public static string? HighestId(string repositoryRoot, string? docsFolder) =>
        HandoffFiles(repositoryRoot, docsFolder).Select(f => f.Id).FirstOrDefault();

    /// <summary>The handoff files in the docs folder, newest (highest id) first.</summary>
    private static IEnumerable<(string Path, string Id)> HandoffFiles(string repositoryRoot, string? docsFolder)
    {
        var folder = Path.Combine(repositoryRoot, string.IsNullOrWhiteSpace(docsFolder) ? SessionDocs.DefaultFolder : docsFolder);
        return !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, "SESSION-*-HANDOFF.json")
                .Select(path => (Path: path, Match: HandoffFileName().Match(System.IO.Path.GetFileName(path))))
                .Where(f => f.Match.Success)
                .Select(f => (f.Path, Id: f.Match.Groups["id"].Value))
                .OrderByDescending(f => f.Id, StringComparer.Ordinal)
                .ToList();
    }

    private static SessionContext? TryRead(string path)
    {
        try
        {
            return ToSession(path);
        }
        catch (Exception)
        {
            // Deliberately broad: a document that does not read as a handoff (conflict markers, a
            // newer shape, missing fields) is passed over for an older one.
            return null;
        }
    }

    private static SessionContext ToSession(string path)
    {
        var handoff = HandoffJson.Parse(File.ReadAllText(path));
        var blockedTasks = handoff.OpenItems.Where(t => t.Status == Tasks.SessionTaskStatus.Blocked).Select(t => $"{t.Id} blocked: ").ToList();
        var completed = handoff.WorkCompleted.CompletedTasks;
        return new SessionContext
        {
            SessionId = SessionId.Normalize(handoff.SessionId),
            StartTime = handoff.StartTime,
            ActiveSince = handoff.ActiveSince ?? handoff.StartTime,
            EndTime = handoff.EndTime,
            State = SessionState.Dormant,
            StartedBy = "committed handoff",
            ActiveBranch = handoff.Branch,
            DetachedHead = handoff.DetachedHead,
            EndSha = handoff.HeadSha,
            Tasks = [.. handoff.OpenItems, .. completed.Where(t => handoff.OpenItems.All(o => o.Id != t.Id))],
            TaskNumbersUsed = Tasks.TaskBoard.HighestNumber([.. handoff.OpenItems, .. completed]),
            Commits = handoff.WorkCompleted.Commits.Count,
            FilesModified = handoff.WorkCompleted.FilesModified,
            LinesChanged = handoff.WorkCompleted.LinesChanged,
            PreviousSession = handoff.PreviousSession,
            NextSession = handoff.NextSession,
            Blockers = [.. handoff.Blockers.Where(b => !blockedTasks.Any(prefix => b.StartsWith(prefix, StringComparison.Ordinal)))],
            HandoffNotes = handoff.Notes ?? "",
            PutAway = handoff.Stash,
            UncommittedFiles = handoff.Stash is { } stash ? [.. stash.Files.Select(f => f.Path)] : [],
            UserName = handoff.RanBy?.Name,
            UserEmail = handoff.RanBy?.Email,
            Agent = handoff.RanBy?.Agent,
            AssistedBy = [.. handoff.RanBy?.AssistedBy ?? []],
            HandoffTo = handoff.HandoffTo,
        };
    }

    [GeneratedRegex(@"^SESSION-(?<id>\d{5})-HANDOFF\.json$")]
    private static partial Regex HandoffFileName();
}
