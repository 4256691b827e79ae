using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Handoff;

/// <summary>Everything <see cref="HandoffBuilder"/> builds a <see cref="Handoff"/> from.</summary>
public sealed record HandoffSources
{
    /// <summary>The closing session; its <see cref="SessionContext.EndTime"/> must be set.</summary>
    public required SessionContext Context { get; init; }

    /// <summary>The commits made during the session, in any order.</summary>
    public IReadOnlyList<CommitRecord> Commits { get; init; } = [];

    /// <summary>The uncommitted work put away at close; null when nothing was (or <c>--no-stash</c>).</summary>
    public StashedWork? PutAway { get; init; }

    /// <summary>The session's productivity metrics.</summary>
    public required ProductivityMetrics Metrics { get; init; }

    /// <summary>Insights to hand over; null to derive them with <see cref="ProductivityInsights.Generate"/>.</summary>
    public IReadOnlyList<string>? Insights { get; init; }

    /// <summary>The quick reality check at close; null when none ran.</summary>
    public HealthReading? CheckAtClose { get; init; }

    /// <summary>The errors recorded during the session (see <see cref="SessionError.From"/>), in any order.</summary>
    public IReadOnlyList<SessionError> Errors { get; init; } = [];

    /// <summary>The note given to <c>lifecycle end --note</c>.</summary>
    public string? Note { get; init; }

    /// <summary>The commit HEAD points at when the session closes.</summary>
    public string? HeadSha { get; init; }

    /// <summary>When the session entered CLOSING; null means at <see cref="SessionContext.EndTime"/>.</summary>
    public DateTimeOffset? ClosingAt { get; init; }
}
