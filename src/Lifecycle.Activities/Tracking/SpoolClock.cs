using System.Globalization;
using System.Text.RegularExpressions;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// Turns the time a hook wrote (<see cref="SpoolLine.Clock"/>) into wall-clock time.
/// </summary>
/// <remarks>
/// <para>
/// <c>BOOT-ID+UPTIME</c> is the boot clock, which a hook reads without starting a process. For a
/// line of the current boot the time is now minus the uptime elapsed since, exact to 10 ms and
/// untouched by any wall-clock step between the event and its ingestion. A line of an earlier boot
/// (ingested after a reboot, or written by another machine sharing the folder) uses that boot's
/// anchor: the file <c>events/clock.BOOT-ID</c>, where the first hook of each boot wrote the uptime
/// and <c>date +%s.%N</c> together.
/// </para>
/// <para><c>@UNIX-SECONDS</c> is the wall clock itself, written where there is no boot clock.</para>
/// </remarks>
internal sealed partial class SpoolClock
{
    /// <summary>The start of an anchor file's name in <see cref="LifecyclePaths.EventsFolder"/>; the boot id follows.</summary>
    public const string AnchorPrefix = "clock.";

    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z, DateTimeOffset's last second

    private readonly LifecyclePaths _paths;
    private readonly DateTimeOffset _now;
    private readonly BootTime? _boot;
    private readonly Dictionary<string, (decimal Uptime, decimal Unix)?> _anchors = new(StringComparer.Ordinal);

    /// <param name="paths">Where the anchors are.</param>
    /// <param name="now">The wall-clock time when <paramref name="boot"/> was read.</param>
    /// <param name="boot">The boot clock at <paramref name="now"/>; null where there is none.</param>
    public SpoolClock(LifecyclePaths paths, DateTimeOffset now, BootTime? boot)
    {
        _paths = paths;
        _now = now;
        _boot = boot;
    }

    /// <summary>The wall-clock time of <paramref name="clock"/>; null when it cannot be known (an earlier boot without its anchor).</summary>
    public DateTimeOffset? Resolve(string clock)
    {
        if (clock.StartsWith('@'))
        {
            return long.TryParse(clock.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var unix) && unix <= MaxUnixSeconds
                ? DateTimeOffset.FromUnixTimeSeconds(unix)
                : null;
        }

        var plus = clock.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0 || !decimal.TryParse(clock.AsSpan(plus + 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var uptime))
        {
            return null;
        }

        var bootId = clock[..plus];
        if (_boot is not null && _boot.BootId == bootId)
        {
            // A line cannot be from the future; the two clocks' rounding may say so by a hundredth.
            var elapsed = Math.Max(0, _boot.UptimeSeconds - uptime);
            return _now - TimeSpan.FromSeconds((double)elapsed);
        }

        if (Anchor(bootId) is not { } anchor)
        {
            return null;
        }

        var unixSeconds = anchor.Unix + (uptime - anchor.Uptime);
        return unixSeconds is >= 0 and <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)(unixSeconds * 1000)) : null;
    }

    /// <summary>Removes the anchors of other boots: once a claim in this boot is complete, no line needs them.</summary>
    public void ForgetOtherBoots()
    {
        if (_boot is null || !Directory.Exists(_paths.EventsFolder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(_paths.EventsFolder, AnchorPrefix + "*"))
        {
            if (Path.GetFileName(file)[AnchorPrefix.Length..] != _boot.BootId)
            {
                TryDelete(file);
            }
        }
    }

    private (decimal Uptime, decimal Unix)? Anchor(string bootId)
    {
        if (_anchors.TryGetValue(bootId, out var known))
        {
            return known;
        }

        (decimal, decimal)? anchor = null;
        try
        {
            var file = Path.Combine(_paths.EventsFolder, AnchorPrefix + bootId);
            if (File.Exists(file) && AnchorPattern().Match(File.ReadAllText(file)) is { Success: true } match)
            {
                // date without %N support writes "%N" or "N" after the point: the whole seconds still count.
                var unix = match.Groups["unix"].Value + (match.Groups["fraction"].Success ? "." + match.Groups["fraction"].Value : "");
                anchor = (decimal.Parse(match.Groups["uptime"].Value, CultureInfo.InvariantCulture), decimal.Parse(unix, CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OverflowException)
        {
        }

        _anchors[bootId] = anchor;
        return anchor;
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    [GeneratedRegex(@"^(?<uptime>\d{1,12}(\.\d{1,9})?) (?<unix>\d{1,12})(\.(?<fraction>\d{1,9}))?")]
    private static partial Regex AnchorPattern();
}
