using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Reality;

/// <summary>
/// Runs a configured command with <c>/bin/sh -c</c> in the repository root. Exit 0 is health 1, or
/// the number on the last line of stdout when it is in 0..1; any other exit is 0 with the code and
/// the last line of stderr; running past the timeout kills the whole process tree and scores 0.
/// </summary>
internal sealed class CommandAgent(RealityAgentConfig config, TimeProvider timeProvider) : IRealityAgent
{
    private const int TailCharacters = 4096;

    /// <summary>How long to wait for the output pipes to close once the tree is killed.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(5);

    public string Name => config.Name;

    public double Weight => config.Weight;

    public async Task<AgentVerdict> CheckAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Armed before the process starts: whoever can see the process can rely on the timer existing.
        var timeout = Task.Delay(TimeSpan.FromSeconds(config.TimeoutSeconds), timeProvider, timerCancellation.Token);
        using var process = new Process { StartInfo = StartInfo(repositoryRoot) };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
            return AgentVerdict.Broken($"could not start /bin/sh in '{repositoryRoot}': {ex.Message}");
        }

        process.StandardInput.Close();
        var stdout = new OutputTail(TailCharacters);
        var stderr = new OutputTail(TailCharacters);
        var output = Task.WhenAll(stdout.ReadToEndAsync(process.StandardOutput), stderr.ReadToEndAsync(process.StandardError));
        try
        {
            var exited = process.WaitForExitAsync(CancellationToken.None);
            if (await Task.WhenAny(exited, timeout).ConfigureAwait(false) == timeout)
            {
                KillTree(process);
                await exited.ConfigureAwait(false);
                await Task.WhenAny(output, Task.Delay(DrainGrace, timeProvider, timerCancellation.Token)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return AgentVerdict.Broken($"timed out after {config.TimeoutSeconds}s; the process tree was killed.");
            }

            // A background child may hold the pipes open after the shell exits; stop waiting at the timeout.
            await Task.WhenAny(output, timeout).ConfigureAwait(false);
            return Judge(process.ExitCode, stdout.LastLine(), stderr.LastLine());
        }
        finally
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    internal static AgentVerdict Judge(int exitCode, string? lastStdout, string? lastStderr)
    {
        if (exitCode != 0)
        {
            var detail = lastStderr is null ? " (nothing on stderr)" : $": {lastStderr}";
            return AgentVerdict.Broken($"exited with code {exitCode}{detail}");
        }

        if (lastStdout is null || !double.TryParse(lastStdout, NumberStyles.Float, CultureInfo.InvariantCulture, out var reported))
        {
            return AgentVerdict.Healthy;
        }

        return reported is >= 0 and <= 1
            ? new AgentVerdict(reported, string.Create(CultureInfo.InvariantCulture, $"reported health {reported}"))
            : new AgentVerdict(1, $"exited 0; its last line '{lastStdout}' is outside 0..1, so it is not read as a health.");
    }

    private ProcessStartInfo StartInfo(string repositoryRoot)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(config.Run);
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
