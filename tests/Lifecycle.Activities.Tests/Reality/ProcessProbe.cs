using System.Diagnostics;

namespace Lifecycle.Activities.Tests.Reality;

/// <summary>Fifos for handshakes with agent commands, and a look at whether a process still runs.</summary>
internal static class ProcessProbe
{
    /// <summary>A real-time safety net so a broken test fails instead of hanging; never an assertion on timing.</summary>
    public static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);

    public static string MakeFifo(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary>Blocks (off the test thread) until a writer opens the fifo and closes it; returns what it wrote.</summary>
    public static Task<string> ReadFifoAsync(string path) => Task.Run(() => File.ReadAllText(path)).WaitAsync(Safety);

    /// <summary>
    /// Whether the process ends within the safety net. SIGKILL is delivered at once but the kernel
    /// tears a process down asynchronously, so "gone" is a condition to wait for, never a sleep.
    /// </summary>
    public static bool Ends(int pid) => SpinWait.SpinUntil(() => !IsRunning(pid), Safety);

    /// <summary>Running or sleeping; a zombie (exited, not yet reaped by init) counts as gone.</summary>
    public static bool IsRunning(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return false;
        }

        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }
}
