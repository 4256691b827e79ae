namespace Lifecycle.Server.Timing;

/// <summary>The kinds of reminder (the <c>kind</c> of a <c>reminder</c> event).</summary>
public static class ReminderKinds
{
    /// <summary>The timebox ends soon: <c>timing.reminderLeadMinutes</c> before its end.</summary>
    public const string TimeLeft = "time_left";

    /// <summary>The timebox is over.</summary>
    public const string TimeboxEnded = "timebox_ended";

    /// <summary>Long unbroken activity: <c>timing.breakAfterMinutes</c> without an idle gap.</summary>
    public const string Break = "break";
}
