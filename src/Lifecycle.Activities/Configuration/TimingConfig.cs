using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// Time management: a session's default timebox and the reminders the server fires while it runs
/// (time left, the timebox ending, a break after long unbroken activity).
/// </summary>
/// <remarks>
/// The defaults follow the usual focus advice: no timebox unless asked for (<c>start --timebox</c>
/// or this default), a warning a quarter of an hour before the end, and a break after 90 minutes
/// of activity without an idle gap (a gap longer than <c>idleThresholdMinutes</c>).
/// </remarks>
public sealed record TimingConfig
{
    /// <summary>Twelve hours: the longest timebox a session may have.</summary>
    public const int MaxTimeboxMinutes = ConfigLimits.MaxTimeboxMinutes;

    /// <summary>The timebox of a session started without <c>--timebox</c>, in minutes; 0 (the default) for none.</summary>
    [Description("Minutes of the timebox a session gets when 'lifecycle start' is run without --timebox; 0 (the default) gives none.")]
    [Range(0, ConfigLimits.MaxTimeboxMinutes)]
    public int TimeboxMinutes { get; init; }

    /// <summary>How many minutes before the timebox ends the "time left" reminder fires. Default 15; 0 turns it off.</summary>
    [Description("Minutes before the end of the timebox at which the 'time left' reminder fires; default 15, 0 turns it off.")]
    [Range(0, ConfigLimits.MaxTimeboxMinutes)]
    public int ReminderLeadMinutes { get; init; } = 15;

    /// <summary>Minutes of unbroken activity (no idle gap) after which a break is suggested. Default 90; 0 turns it off.</summary>
    [Description("Minutes of activity without an idle gap (one longer than idleThresholdMinutes) after which a break reminder fires; default 90, 0 turns it off.")]
    [Range(0, ConfigLimits.MaxMinutes)]
    public int BreakAfterMinutes { get; init; } = 90;
}
