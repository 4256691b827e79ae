namespace Lifecycle.Server.Reports;

/// <summary>
/// Session time split over the weekdays and the hours of the day it fell in (local time): a
/// session from 23:30 to 00:30 gives 30 minutes to each hour and to each day.
/// </summary>
public static class ReportTimeSplit
{
    private static readonly string[] Days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Minutes and sessions per weekday, Monday first.</summary>
    public static IReadOnlyList<TimeBucket> ByWeekday(IReadOnlyList<SessionFigures> sessions, TimeZoneInfo zone) =>
        Split(sessions, zone, 7, local => ((int)local.DayOfWeek + 6) % 7, i => Days[i]);

    /// <summary>Minutes and sessions per hour of the day, 00 to 23.</summary>
    public static IReadOnlyList<TimeBucket> ByHour(IReadOnlyList<SessionFigures> sessions, TimeZoneInfo zone) =>
        Split(sessions, zone, 24, local => local.Hour, i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture));

    private static IReadOnlyList<TimeBucket> Split(IReadOnlyList<SessionFigures> sessions, TimeZoneInfo zone, int size, Func<DateTimeOffset, int> bucketOf, Func<int, string> label)
    {
        var minutes = new double[size];
        var counts = new int[size];
        var touched = new bool[size];
        foreach (var session in sessions)
        {
            Array.Clear(touched);
            var at = session.StartTime;
            while (at < session.EndTime)
            {
                // Step to the next whole local hour (a zone half an hour off UTC has its own).
                var local = TimeZoneInfo.ConvertTime(at, zone);
                var next = at + TimeSpan.FromTicks(TimeSpan.TicksPerHour - local.DateTime.Ticks % TimeSpan.TicksPerHour);
                var end = next < session.EndTime ? next : session.EndTime;
                var bucket = bucketOf(local);
                minutes[bucket] += (end - at).TotalMinutes;
                touched[bucket] = true;
                at = end;
            }

            for (var i = 0; i < size; i++)
            {
                counts[i] += touched[i] ? 1 : 0;
            }
        }

        return [.. Enumerable.Range(0, size).Select(i => new TimeBucket(i, label(i), ReportNumbers.Round(minutes[i]), counts[i]))];
    }
}
