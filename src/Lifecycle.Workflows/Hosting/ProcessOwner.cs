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

    private static string? Describe(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return $"{Environment.MachineName}:{pid}:{process.StartTime.ToUniversalTime().Ticks}";
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
