using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Everything a session knows, with every field of the spec's SessionContext (camelCase in JSON).
/// One instance is the current session; it is checkpointed to <c>.lifecycle/state.json</c>.
/// </summary>
public sealed class SessionContext
{
    // Identity
    public required string SessionId { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    public SessionState State { get; set; } = SessionState.Dormant;

    /// <summary>The workflow instance that created this session (lets a re-run after a crash find it again).</summary>
    public string? StartedBy { get; set; }

    /// <summary>When the session became ACTIVE (setup time is the gap from <see cref="StartTime"/>).</summary>
    public DateTimeOffset? ActiveSince { get; set; }

    // Work context

    /// <summary>
    /// The branch the session works on: the one checked out at its start, then the one it ended on
    /// (the next session continues there). Null on a detached HEAD (<see cref="DetachedHead"/>).
    /// </summary>
    public string? ActiveBranch { get; set; }

    /// <summary>
    /// True when HEAD was detached where <see cref="ActiveBranch"/> was last taken (the start, then
    /// the close): the session works on no branch, at <see cref="StartSha"/> then <see cref="EndSha"/>.
    /// </summary>
    public bool DetachedHead { get; set; }

    public List<string> UncommittedFiles { get; set; } = [];

    /// <summary>Every task of the session, open, blocked and done.</summary>
    public List<SessionTask> Tasks { get; set; } = [];

    /// <summary>Tasks not yet done (open or blocked), highest priority first.</summary>
    public IReadOnlyList<SessionTask> OpenTasks => TaskBoard.ByPriority(Tasks.Where(t => t.Status != SessionTaskStatus.Done)).ToList();

    public IReadOnlyList<SessionTask> CompletedTasks => Tasks.Where(t => t.Status == SessionTaskStatus.Done).ToList();

    /// <summary>
    /// What stands in the way: <see cref="Blockers"/>, then each blocked task the list does not
    /// already name (<c>task block</c> records "T2: reason" there itself).
    /// </summary>
    public IReadOnlyList<string> AllBlockers() =>
        [.. Blockers, .. Tasks
            .Where(t => t.Status == SessionTaskStatus.Blocked && !Blockers.Any(b => b.StartsWith($"{t.Id}: ", StringComparison.Ordinal)))
            .Select(t => $"{t.Id} blocked: {t.BlockedReason}")];

    // System state
    public double RealityConsensus { get; set; }

    public Dictionary<string, double> AgentHealth { get; set; } = [];

    public string? LastError { get; set; }

    // Productivity
    public int Commits { get; set; }

    public int FilesModified { get; set; }

    public int LinesChanged { get; set; }

    public int Interruptions { get; set; }

    // Continuity
    public string? PreviousSession { get; set; }

    public string? NextSession { get; set; }

    public string HandoffNotes { get; set; } = "";

    /// <summary>What stands in the way: blocked tasks' reasons plus blockers recorded by the protocol (e.g. a stash conflict).</summary>
    public List<string> Blockers { get; set; } = [];

    // Facts recorded for the close (not in the spec's object; they make the close computable)

    /// <summary>HEAD when the session became active: the session's commits are those after it.</summary>
    public string? StartSha { get; set; }

    /// <summary>TODO/FIXME/HACK markers at HEAD when the session started.</summary>
    public int? DebtMarkersAtStart { get; set; }

    /// <summary>HEAD when the close measured the session (before its docs commit).</summary>
    public string? EndSha { get; set; }

    /// <summary>The commit of the session's documents made at its close; null when none was made (yet).</summary>
    public string? DocsSha { get; set; }

    /// <summary>TODO/FIXME/HACK markers at <see cref="EndSha"/>: the next session counts from there.</summary>
    public int? DebtMarkersAtEnd { get; set; }

    /// <summary>The Cobertura line rate at start, when a report was configured and readable.</summary>
    public double? CoverageAtStart { get; set; }

    /// <summary>
    /// The stash commit this session's start restored (the previous session's work put away),
    /// recorded before the restore writes anything: the close counts as the session's work only
    /// what differs from it. Null when the start restored nothing.
    /// </summary>
    public string? RestoredStash { get; set; }

    /// <summary>The uncommitted work put away at close (stash name, files, line counts).</summary>
    public Handoff.StashedWork? PutAway { get; set; }

    /// <summary>The quick reality check at close.</summary>
    public Handoff.HealthReading? CheckAtClose { get; set; }

    /// <summary>Protocol warnings of this session (they go into the session log).</summary>
    public List<string> Warnings { get; set; } = [];

    /// <summary>
    /// The highest task number used by this session or any before it (T7 is 7): new tasks number
    /// after it, so an id is never reused once its task was done in an earlier session.
    /// </summary>
    public int TaskNumbersUsed { get; set; }

    /// <summary>The note given to <c>lifecycle end --note</c>.</summary>
    public string? CloseNote { get; set; }

    /// <summary>
    /// Why the session closed: <c>end</c> (the command), <c>inactivity</c> (auto-closed after the
    /// configured time without activity) or <c>recovered</c> (a close that never ran, done by the
    /// next start); null while it has not closed.
    /// </summary>
    public string? CloseReason { get; set; }

    // Collaboration (who ran the session, for whom its handoff is)

    /// <summary>git's <c>user.name</c> for the repository when the session started; null when not set.</summary>
    public string? UserName { get; set; }

    /// <summary>git's <c>user.email</c> for the repository when the session started; null when not set.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The coding agent that ran the session (<c>LIFECYCLE_AGENT</c>, a known agent environment, or the MCP client); null when a person did.</summary>
    public string? Agent { get; set; }

    /// <summary>Agents named as co-authors (<c>Co-authored-by</c> trailers) in the session's commits, found at close.</summary>
    public List<string> AssistedBy { get; set; } = [];

    /// <summary>Whom the handoff is addressed to (<c>lifecycle end --to NAME</c>); null when to anyone.</summary>
    public string? HandoffTo { get; set; }
    /// <summary>
    /// The session's timebox in minutes from when it became ACTIVE (<c>start --timebox</c>, or
    /// <c>timing.timeboxMinutes</c>); null without one. The server's reminders count down to its end.
    /// </summary>
    public int? TimeboxMinutes { get; set; }
}
