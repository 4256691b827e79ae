using System.Globalization;

namespace Lifecycle.Activities.Handoff;

/// <summary>Formatting shared by the session documents: times in one zone, durations, percentages, plural nouns.</summary>
internal sealed class DocText(TimeZoneInfo? zone)
{
    private readonly TimeZoneInfo _zone = zone ?? TimeZoneInfo.Utc;

    /// <summary>"UTC", or the zone's id when one was given.</summary>
    public string ZoneName => _zone == TimeZoneInfo.Utc ? "UTC" : _zone.Id;

    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone);

    public string Clock(DateTimeOffset time) => Local(time).ToString("HH:mm", CultureInfo.InvariantCulture);

    public string Date(DateTimeOffset time) => Local(time).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string DateTime(DateTimeOffset time) => Local(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Stamp(DateTimeOffset time) => Local(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"16:37" on the start's day, "00:10 next day" the day after, the full date later.</summary>
    public string ClockSince(DateTimeOffset time, DateTimeOffset start)
    {
        var days = (Local(time).Date - Local(start).Date).Days;
        return days switch
        {
            0 => Clock(time),
            1 => $"{Clock(time)} next day",
            _ => DateTime(time),
        };
    }

    /// <summary>"2026-11-24 14:00 - 16:37 UTC", with the end's date when it falls on another day.</summary>
    public string Period(DateTimeOffset start, DateTimeOffset end) =>
        Date(start) == Date(end)
            ? $"{DateTime(start)} - {Clock(end)} {ZoneName}"
            : $"{DateTime(start)} - {DateTime(end)} {ZoneName}";

    /// <summary>"2h 37m", "37m", "0m"; rounded to the nearest minute.</summary>
    public static string Span(TimeSpan span)
    {
        var minutes = (long)Math.Round(Math.Max(0, span.TotalMinutes), MidpointRounding.AwayFromZero);
        return minutes >= 60 ? $"{minutes / 60}h {minutes % 60}m" : $"{minutes}m";
    }

    /// <summary>"8 minutes", "1 minute", or "2h 21m" from an hour up.</summary>
    public static string Minutes(double minutes)
    {
        var whole = (long)Math.Round(Math.Max(0, minutes), MidpointRounding.AwayFromZero);
        return whole >= 60 ? Span(TimeSpan.FromMinutes(whole)) : Count(whole, "minute");
    }

    /// <summary>A fraction as a whole percentage: "97%".</summary>
    public static string Percent(double fraction) =>
        Math.Round(fraction * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The score out of 100: "78/100".</summary>
    public static string Score(double score) => $"{Math.Round(score * 100, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)}/100";

    /// <summary>"78/100", or "not scored (too short to score: …)" when there is no score.</summary>
    public static string Score(double? score, string? unavailableReason) => score is { } value
        ? Score(value)
        : $"not scored ({unavailableReason ?? "no score was computed"})";

    /// <summary>A kind of change as the documents write it: "added", "untracked", ….</summary>
    public static string Kind(Metrics.FileChangeKind kind) => kind.ToString().ToLowerInvariant();

    public static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    /// <summary>Text on one line: line breaks become spaces, so a message cannot break a list.</summary>
    public static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();

    /// <summary>The first seven characters of a commit id.</summary>
    public static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    /// <summary>The lines joined with LF, ending with a newline.</summary>
    public static string Lines(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";
}
