namespace Lifecycle.Server.Timing;

/// <summary>The time management of an ACTIVE session: its timebox, its current stretch of activity, and the reminders due now.</summary>
/// <param name="TimeboxMinutes">Its timebox; null without one.</param>
/// <param name="EndsAt">When the timebox ends (from when the session became ACTIVE); null without one.</param>
/// <param name="MinutesLeft">Whole minutes left in the timebox, rounded up; negative once it is over; null without one.</param>
/// <param name="StretchMinutes">
/// Minutes of the current stretch of activity: since the last idle gap (longer than
/// <c>idleThresholdMinutes</c>, the way idle time is measured), 0 while idle now.
/// </param>
/// <param name="StretchSince">When the current stretch began; null while idle now.</param>
/// <param name="BreakAfterMinutes">The stretch after which a break is due; 0 when break reminders are off.</param>
/// <param name="Reminders">The reminders due now, oldest first.</param>
public sealed record SessionTiming(
    int? TimeboxMinutes,
    DateTimeOffset? EndsAt,
    int? MinutesLeft,
    int StretchMinutes,
    DateTimeOffset? StretchSince,
    int BreakAfterMinutes,
    IReadOnlyList<Reminder> Reminders);
