using System.Diagnostics;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// Names the process that runs an instance (<c>machine:pid:start-ticks</c>), so that the next
/// engine can tell an instance whose process died from one still being run.
/// </summary>
public static class ProcessOwner
{
    public static string Current { get; } = Describe(Environment.ProcessId) ?? $"{Environment.MachineName}:{Environment.ProcessId}:0";

    /// <summary>
    /// False only when the owner is known to be gone: same machine and no process with that id
    /// and start time. Another machine's owner is assumed alive.
    /// </summary>
    public static bool IsAlive(string? owner)
    {
        if (string.IsNullOrEmpty(owner))
        {
            return false;
        }

        var parts = owner.Split(':');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid))
        {
            return parts.Length == 3 && parts[0] != Environment.MachineName;
        }

        return Describe(pid) == owner;
    }

    /// <summary>The owner string of process <paramref name="pid"/>, or null when there is none.</summary>
    internal static string? Describe(int pid) =>
        StartOf(pid) is { } start ? $"{Environment.MachineName}:{pid}:{start}" : null;

    /// <summary>
    /// A stable mark of when the process started. On Linux, the start time in clock ticks from
    /// /proc (<see cref="Process.StartTime"/> is recomputed from the boot time on each read and
    /// drifts by microseconds between readers); elsewhere the start time in whole seconds.
    /// </summary>
    private static string? StartOf(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var text = File.ReadAllText(stat);

                // Fields after the command name (which may hold spaces) start at field 3; starttime is field 22.
                var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
                return fields.Length > 19 ? fields[19] : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return (process.StartTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
