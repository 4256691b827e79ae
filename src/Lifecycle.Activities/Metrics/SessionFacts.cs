namespace Lifecycle.Activities.Metrics;

/// <summary>What was recorded about a session, the input of <see cref="ProductivityCalculator"/>.</summary>
public sealed record SessionFacts
{
    /// <summary>When the session started (left DORMANT).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When it became ACTIVE; <see langword="null"/> if it never did (all of it was setup).</summary>
    public DateTimeOffset? ActiveAt { get; init; }

    /// <summary>When it ended, or the current time for live metrics of a running session.</summary>
    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>
    /// Moments of activity (file changes, commits, task updates, heartbeats, …), in any order.
    /// Only those between <see cref="ActiveAt"/> and <see cref="EndedAt"/> count.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> ActivityTimestamps { get; init; } = [];

    /// <summary>The commits made during the session.</summary>
    public IReadOnlyList<SessionCommit> Commits { get; init; } = [];

    /// <summary>The uncommitted work put away at close, per file.</summary>
    public IReadOnlyList<FileChange> UncommittedChanges { get; init; } = [];

    /// <summary>Tasks completed during the session.</summary>
    public int TasksCompleted { get; init; }

    /// <summary>Errors recorded during the session (the interruptions).</summary>
    public int ErrorsRecorded { get; init; }

    /// <summary>Times the branch was switched.</summary>
    public int BranchSwitches { get; init; }

    /// <summary>Times work moved from one task to another.</summary>
    public int TaskSwitches { get; init; }

    /// <summary>Technical-debt markers (TODO, FIXME, …) counted at the start.</summary>
    public int TechnicalDebtMarkersAtStart { get; init; }

    /// <summary>Technical-debt markers counted at the end.</summary>
    public int TechnicalDebtMarkersAtEnd { get; init; }

    /// <summary>Line coverage at the start (see <see cref="CoberturaReport.Read"/>); null when not measured.</summary>
    public CoverageReading? CoverageAtStart { get; init; }

    /// <summary>Line coverage at the end; null when not measured.</summary>
    public CoverageReading? CoverageAtEnd { get; init; }
}
