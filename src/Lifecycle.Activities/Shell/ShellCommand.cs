using System.ComponentModel;
using System.Diagnostics;

namespace Lifecycle.Activities.Shell;

/// <summary>
/// Runs a command with <c>/bin/sh -c</c> in a folder, stdin closed, keeping the tail of its output,
/// bounded by a timeout on the injected clock; running past it kills the whole process tree.
/// </summary>
public static class ShellCommand
{
    private const int TailCharacters = 4096;

    /// <summary>How long to wait for the output pipes to close once the tree is killed.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    /// <exception cref="OperationCanceledException">Cancelled; the process tree was killed.</exception>
    public static async Task<ShellResult> RunAsync(string workingDirectory, string command, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Armed before the process starts: whoever can see the process can rely on the timer existing.
        var timer = Task.Delay(timeout, timeProvider, timerCancellation.Token);
        using var process = new Process { StartInfo = StartInfo(workingDirectory, command) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
            return new ShellResult(null, false, $"could not start /bin/sh in '{workingDirectory}': {ex.Message}", "", "", null, null);
        }

        process.StandardInput.Close();
        var stdout = new OutputTail(TailCharacters);
        var stderr = new OutputTail(TailCharacters);
        var output = Task.WhenAll(stdout.ReadToEndAsync(process.StandardOutput), stderr.ReadToEndAsync(process.StandardError));
        try
        {
            var exited = process.WaitForExitAsync(CancellationToken.None);
            if (await Task.WhenAny(exited, timer).ConfigureAwait(false) == timer)
            {
                KillTree(process);
                await exited.ConfigureAwait(false);
                await Task.WhenAny(output, Task.Delay(DrainGrace, timeProvider, timerCancellation.Token)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return new ShellResult(null, true, null, stdout.Text(), stderr.Text(), stdout.LastLine(), stderr.LastLine());
            }

            // A background child may hold the pipes open after the shell exits; stop waiting at the timeout.
            await Task.WhenAny(output, timer).ConfigureAwait(false);
            return new ShellResult(process.ExitCode, false, null, stdout.Text(), stderr.Text(), stdout.LastLine(), stderr.LastLine());
        }
        finally
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, string command)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        return start;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone, or exiting on its own: either way nothing is left to kill.
        }
    }
}
