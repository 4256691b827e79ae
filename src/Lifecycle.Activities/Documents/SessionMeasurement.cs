using Lifecycle.Activities.Git;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Documents;

/// <summary>
/// A session measured at one moment: its commits (since <see cref="SessionContext.StartSha"/>), the
/// facts gathered from the session, its events and the repository, the metrics computed from them,
/// and the errors its events recorded.
/// </summary>
/// <remarks>
/// <see cref="ComputeProductivity"/> and <see cref="GenerateHandoff"/> both measure, so the score in the
/// handoff is the one the metrics activity reports for the same end time.
/// </remarks>
internal sealed record SessionMeasurement(
    IReadOnlyList<CommitRecord> Commits, SessionFacts Facts, ProductivityMetrics Metrics, string? HeadSha, IReadOnlyList<SessionError> Errors,
    string? Branch = null, bool DetachedHead = false)
{
    /// <summary>Distinct files changed by the commits and the work put away (the session's share of it, <see cref="StashedWork.SessionChanges"/>).</summary>
    public int FilesModified =>
        Commits.SelectMany(c => c.Files).Select(f => f.Path)
            .Concat(Facts.UncommittedChanges.Select(f => f.Path))
            .Distinct(StringComparer.Ordinal)
            .Count();

    /// <summary>Added plus deleted lines of the commits and the work put away.</summary>
    public int LinesChanged =>
        Commits.SelectMany(c => c.Files).Sum(f => f.ChangedLines) + Facts.UncommittedChanges.Sum(f => f.ChangedLines);

    public static async Task<SessionMeasurement> TakeAsync(
        SessionContext session, ISessionStore sessions, RepositoryContext repository, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        var events = await sessions.GetEventsAsync(session.SessionId, cancellationToken);
        var config = repository.Config;

        IReadOnlyList<CommitRecord> commits;
        int debtNow;
        string? head;
        string? branch;
        bool detached;
        using (var git = GitWorkspace.Open(repository.Root, readOnly: true))
        {
            commits = [.. git.History.CommitsSince(session.StartSha).Select(ToRecord)];
            debtNow = git.History.CountDebtMarkers(known: DebtMarkerCount.From(session.StartSha, session.DebtMarkersAtStart));
            head = git.HeadSha;
            branch = git.CurrentBranch;
            detached = git.DetachedHead;
        }

        var coverageNow = config.CoverageReport is { } report
            ? CoberturaReport.Read(Path.Combine(repository.Root, report))
            : null;
        var facts = new SessionFacts
        {
            StartedAt = session.StartTime,
            ActiveAt = session.ActiveSince,
            EndedAt = endedAt,
            ActivityTimestamps = [.. events.SelectMany(HeartbeatPulse.ActivityTimes)],
            Commits = [.. commits.Select(c => c.ToSessionCommit())],
            UncommittedChanges = session.PutAway?.SessionChanges ?? [],
            TasksCompleted = session.CompletedTasks.Count,
            ErrorsRecorded = Count(events, SessionEventTypes.ErrorOccurred),
            BranchSwitches = Count(events, SessionEventTypes.BranchSwitched),
            TaskSwitches = Count(events, SessionEventTypes.TaskSwitched),
            // Without a count at the start there is no delta to report, rather than the whole debt.
            TechnicalDebtMarkersAtStart = session.DebtMarkersAtStart ?? debtNow,
            TechnicalDebtMarkersAtEnd = debtNow,
            CoverageAtStart = session.CoverageAtStart is { } rate ? CoverageReading.Of(rate) : null,
            CoverageAtEnd = coverageNow,
        };
        var calculator = new ProductivityCalculator(new ProductivityOptions { IdleThreshold = TimeSpan.FromMinutes(config.IdleThresholdMinutes) });
        return new SessionMeasurement(commits, facts, calculator.Calculate(facts), head, SessionError.From(events), branch, detached);
    }

    /// <summary>
    /// Stores the counts on the session, and the branch it ends on (the next session continues
    /// there; on a detached HEAD, on none); true when any of them changed.
    /// </summary>
    public bool StoreIn(SessionContext session)
    {
        var (branch, detached) = Branch is not null || DetachedHead ? (Branch, DetachedHead) : (session.ActiveBranch, session.DetachedHead);
        var changed = session.Commits != Commits.Count || session.FilesModified != FilesModified
            || session.LinesChanged != LinesChanged || session.Interruptions != Metrics.InterruptionCount
            || session.EndSha != HeadSha || session.DebtMarkersAtEnd != Facts.TechnicalDebtMarkersAtEnd
            || session.ActiveBranch != branch || session.DetachedHead != detached;
        session.ActiveBranch = branch;
        session.DetachedHead = detached;
        session.Commits = Commits.Count;
        session.FilesModified = FilesModified;
        session.LinesChanged = LinesChanged;
        session.Interruptions = Metrics.InterruptionCount;
        session.EndSha = HeadSha;
        session.DebtMarkersAtEnd = Facts.TechnicalDebtMarkersAtEnd;
        return changed;
    }

    private static int Count(IReadOnlyList<SessionEvent> events, string type) =>
        events.Count(e => string.Equals(e.Type, type, StringComparison.Ordinal));

    private static CommitRecord ToRecord(CommitSummary commit) => new(
        commit.Sha, commit.Message, commit.When,
        [.. commit.Files.Select(f => new Metrics.FileChange(f.Path, f.Added, f.Deleted, f.Kind, f.From))]);
}
