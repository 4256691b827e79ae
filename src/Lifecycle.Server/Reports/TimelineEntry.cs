namespace Lifecycle.Server.Reports;

/// <summary>Something that happened in a session, placed on its timeline.</summary>
/// <param name="At">When.</param>
/// <param name="Minute">Minutes after the session's start (one decimal).</param>
/// <param name="Kind">One of <see cref="TimelineKinds"/>.</param>
/// <param name="Label">What happened, one line.</param>
/// <param name="Minutes">How long it lasted (a state, an idle gap); null for a moment.</param>
public sealed record TimelineEntry(DateTimeOffset At, double Minute, string Kind, string Label, double? Minutes = null);
