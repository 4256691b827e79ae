using System.Globalization;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// The boot clock the hooks read for free: the boot's id and the seconds since it began
/// (<c>/proc/uptime</c>, which counts suspended time too, so wall-clock time minus uptime stays the
/// boot's start while the machine sleeps).
/// </summary>
/// <param name="BootId">The kernel's random id of this boot.</param>
/// <param name="UptimeSeconds">Seconds since the boot, to the hundredth.</param>
internal sealed record BootTime(string BootId, decimal UptimeSeconds)
{
    private const string UptimeFile = "/proc/uptime";
    private const string BootIdFile = "/proc/sys/kernel/random/boot_id";

    /// <summary>Reads the boot clock now; null where there is none (no <c>/proc</c>: macOS, Windows).</summary>
    public static BootTime? Now()
    {
        try
        {
            var uptime = File.ReadAllText(UptimeFile).Split(' ', 2)[0];
            var bootId = File.ReadAllText(BootIdFile).Trim();
            return decimal.TryParse(uptime, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && bootId.Length > 0
                ? new BootTime(bootId, seconds)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
