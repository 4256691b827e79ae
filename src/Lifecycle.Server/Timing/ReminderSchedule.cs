using System.Globalization;
using Lifecycle.Activities.Configuration;

namespace Lifecycle.Server.Timing;

/// <summary>
/// Which reminders are due for an ACTIVE session at a given moment: a pure function of the session's
/// timebox, its activity and the clock, so the server's job (which records them) and <c>status</c>
/// without a server (which only shows them) agree.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>time_left</b>: from <c>reminderLeadMinutes</c> before the timebox ends until it ends (only when the lead is shorter than the timebox).</item>
/// <item><b>timebox_ended</b>: from the end of the timebox on.</item>
/// <item><b>break</b>: once the current stretch of activity reaches <c>breakAfterMinutes</c>, and again after each further
/// <c>breakAfterMinutes</c> of the same stretch. A stretch is cut the way idle time is measured
/// (<see cref="Lifecycle.Activities.Metrics.ProductivityCalculator"/>): by a gap longer than the idle threshold
/// between two moments of activity, starting from when the session became ACTIVE. Idle now (the last
/// activity further back than the threshold) means a break is being taken: none is due.</item>
/// </list>
/// </remarks>
public static class ReminderSchedule
{
    /// <summary>The session's timing at <paramref name="now"/>.</summary>
    /// <param name="activeAt">When the session became ACTIVE.</param>
    /// <param name="timeboxMinutes">Its timebox; null without one.</param>
    /// <param name="activity">The moments it showed activity (any order; those outside activeAt..now are ignored).</param>
    /// <param name="now">The clock.</param>
    /// <param name="timing">The reminders' settings.</param>
    /// <param name="idleThreshold">The idle threshold (<c>idleThresholdMinutes</c>).</param>
    /// <param name="recordedKeys">The keys of the reminders recorded already.</param>
    /// <param name="zone">The zone the messages give times in.</param>
    public static SessionTiming At(DateTimeOffset activeAt, int? timeboxMinutes, IEnumerable<DateTimeOffset> activity, DateTimeOffset now,
        TimingConfig timing, TimeSpan idleThreshold, IReadOnlySet<string> recordedKeys, TimeZoneInfo zone)
    {
        var due = new List<Reminder>();
        DateTimeOffset? endsAt = null;
        int? minutesLeft = null;
        if (timeboxMinutes is { } box)
        {
            var end = activeAt.AddMinutes(box);
            endsAt = end;
            var left = end - now;
            minutesLeft = (int)Math.Ceiling(left.TotalMinutes);
            var lead = timing.ReminderLeadMinutes;
            if (lead > 0 && lead < box && now >= end.AddMinutes(-lead) && now < end)
            {
                due.Add(Make(ReminderKinds.TimeLeft, ReminderKinds.TimeLeft, end.AddMinutes(-lead), recordedKeys,
                    $"{Minutes(minutesLeft.Value)} left in the {TimeboxText.Describe(box)} timebox (it ends at {Clock(end, zone)}): finish what you are on and leave notes for the handoff."));
            }

            if (now >= end)
            {
                var over = (int)Math.Floor((now - end).TotalMinutes);
                due.Add(Make(ReminderKinds.TimeboxEnded, ReminderKinds.TimeboxEnded, end, recordedKeys,
                    $"The {TimeboxText.Describe(box)} timebox ended at {Clock(end, zone)}{(over > 0 ? $" ({Minutes(over)} ago)" : "")}: wrap up with 'lifecycle end', or go on knowingly."));
            }
        }

        var (since, stretch) = Stretch(activeAt, activity, now, idleThreshold);
        var stretchMinutes = (int)Math.Floor(stretch.TotalMinutes);
        var breakAfter = timing.BreakAfterMinutes;
        if (breakAfter > 0 && since is { } from && stretchMinutes >= breakAfter)
        {
            var times = stretchMinutes / breakAfter;
            var key = $"{ReminderKinds.Break}:{from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:{times.ToString(CultureInfo.InvariantCulture)}";
            due.Add(Make(ReminderKinds.Break, key, from.AddMinutes(breakAfter * times), recordedKeys,
                $"{Minutes(stretchMinutes)} of activity without a break (since {Clock(from, zone)}; a break is due after {Minutes(breakAfter)}): step away for a few minutes."));
        }

        return new SessionTiming(timeboxMinutes, endsAt, minutesLeft, stretchMinutes, since, breakAfter, [.. due.OrderBy(r => r.DueAt)]);
    }

    /// <summary>
    /// The current stretch of activity: its start and length up to <paramref name="now"/>; (null, 0)
    /// when the last activity is further back than the idle threshold (idle now).
    /// </summary>
    public static (DateTimeOffset? Since, TimeSpan Length) Stretch(DateTimeOffset activeAt, IEnumerable<DateTimeOffset> activity, DateTimeOffset now, TimeSpan idleThreshold)
    {
        var since = activeAt;
        var previous = activeAt;
        foreach (var moment in activity.Where(t => t > activeAt && t <= now).Order())
        {
            if (moment - previous > idleThreshold)
            {
                since = moment;
            }

            previous = moment;
        }

        return now - previous > idleThreshold || now < activeAt ? (null, TimeSpan.Zero) : (since, now - since);
    }

    private static Reminder Make(string kind, string key, DateTimeOffset dueAt, IReadOnlySet<string> recorded, string message) =>
        new(kind, key, dueAt, message, recorded.Contains(key));

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";

    private static string Clock(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
