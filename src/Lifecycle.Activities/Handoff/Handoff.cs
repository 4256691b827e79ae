using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// What a closing session hands to the next one: the spec's <c>Handoff</c>, printed by
/// <c>lifecycle end --json</c> and written to <c>SESSION-NNNNN-HANDOFF.json</c>. Build it with
/// <see cref="HandoffBuilder"/>.
/// </summary>
/// <remarks>
/// The first nine properties are the contract's shape (<c>sessionId, duration, workCompleted,
/// openItems, blockers, nextActions, productivityScore, metrics, insights</c>); the others are
/// additions the next session uses (duration in seconds, timeline, branch, head, continuation, stash,
/// health, errors, notes).
/// </remarks>
public sealed record Handoff
{
    /// <summary>The closing session's id.</summary>
    public required string SessionId { get; init; }

    /// <summary>Seconds from start to end.</summary>
    public required double Duration { get; init; }

    /// <summary>Commits, tasks done, files and lines changed.</summary>
    public required WorkCompleted WorkCompleted { get; init; }

    /// <summary>Tasks not done (open or blocked), highest priority first.</summary>
    public required IReadOnlyList<SessionTask> OpenItems { get; init; }

    /// <summary>What stands in the way: recorded blockers, then blocked tasks as <c>T3 blocked: reason</c>.</summary>
    public required IReadOnlyList<string> Blockers { get; init; }

    /// <summary>What the next session should do, in order (see <see cref="HandoffBuilder"/> for the rule).</summary>
    public required IReadOnlyList<string> NextActions { get; init; }

    /// <summary>
    /// <see cref="ProductivityMetrics.Score"/>, 0 to 1, rounded to four decimals; null when the session
    /// was too short to score (<see cref="ProductivityMetrics.ScoreUnavailableReason"/> says why).
    /// </summary>
    public required double? ProductivityScore { get; init; }

    /// <summary>The session's productivity metrics.</summary>
    public required ProductivityMetrics Metrics { get; init; }

    /// <summary>Productivity insights (see <see cref="ProductivityInsights.Generate"/>).</summary>
    public required IReadOnlyList<string> Insights { get; init; }

    /// <summary>Addition: <see cref="Duration"/> under a name that carries its unit (written, never read back).</summary>
    public double DurationSeconds => Duration;

    /// <summary>Addition: when the session started (left DORMANT).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Addition: when it became ACTIVE; null when it never did.</summary>
    public DateTimeOffset? ActiveSince { get; init; }

    /// <summary>Addition: when it entered CLOSING.</summary>
    public required DateTimeOffset ClosingSince { get; init; }

    /// <summary>Addition: when it ended (back to DORMANT).</summary>
    public required DateTimeOffset EndTime { get; init; }

    /// <summary>Addition: the branch to continue on; null when unknown (e.g. detached HEAD).</summary>
    public string? Branch { get; init; }

    /// <summary>Addition: true when the session ended on a detached HEAD (at <see cref="HeadSha"/>, on no branch).</summary>
    public bool DetachedHead { get; init; }

    /// <summary>Addition: the commit HEAD pointed at when the session closed (before the docs commit).</summary>
    public string? HeadSha { get; init; }

    /// <summary>Addition: the session before this one.</summary>
    public string? PreviousSession { get; init; }

    /// <summary>Addition: the id the next session will take.</summary>
    public required string NextSession { get; init; }

    /// <summary>Addition: how the next session should continue, by <see cref="ContinuationStrategy"/>.</summary>
    public required Continuation Continuation { get; init; }

    /// <summary>Addition: the uncommitted work put away; null when there was none.</summary>
    public StashedWork? Stash { get; init; }

    /// <summary>Addition: health at start and close, including the checks at close per agent.</summary>
    public required HealthDelta Health { get; init; }

    /// <summary>Addition: the errors recorded during the session (<c>error_occurred</c> events), oldest first; empty in handoffs written before errors were carried.</summary>
    /// <remarks>A handoff without the field (or with null) reads as no errors.</remarks>
    public IReadOnlyList<SessionError> Errors { get; init => field = value ?? []; } = [];

    /// <summary>Addition: the session's handoff notes and the note given to <c>lifecycle end --note</c>; null when none.</summary>
    public string? Notes { get; init; }

    /// <summary>Addition: who ran the session (git identity, agent or person); null in handoffs written before identities were kept.</summary>
    public Collaboration.SessionIdentity? RanBy { get; init; }

    /// <summary>Addition: whom the handoff is addressed to (<c>lifecycle end --to NAME</c>); null when to anyone.</summary>
    public string? HandoffTo { get; init; }
}
