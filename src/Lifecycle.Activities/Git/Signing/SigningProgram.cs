using System.ComponentModel;
using System.Diagnostics;

namespace Lifecycle.Activities.Git.Signing;

/// <summary>Runs a signing program (gpg, gpgsm, ssh-keygen) as git does: no shell, data on stdin, bounded by a timeout on the injected clock.</summary>
internal static class SigningProgram
{
    /// <summary>What a run gave: its exit code (null when it could not start or ran out of time), stdout's bytes, stderr's text, and why it failed to run.</summary>
    public sealed record Result(int? ExitCode, byte[] Output, string Errors, string? Problem);

    public static Result Run(string program, IReadOnlyList<string> arguments, byte[]? input, string workingDirectory, TimeSpan timeout, TimeProvider time) =>
        RunAsync(program, arguments, input, workingDirectory, timeout, time).GetAwaiter().GetResult();

    private static async Task<Result> RunAsync(string program, IReadOnlyList<string> arguments, byte[]? input, string workingDirectory, TimeSpan timeout, TimeProvider time)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = Task.Delay(timeout, time, timerCancellation.Token);
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception error) when (error is Win32Exception or InvalidOperationException)
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
            return new Result(null, [], "", $"'{program}' could not be started ({error.Message})");
        }

        try
        {
            using var output = new MemoryStream();
            var copied = process.StandardOutput.BaseStream.CopyToAsync(output);
            var errors = process.StandardError.ReadToEndAsync();
            var written = WriteInputAsync(process, input);
            var exited = process.WaitForExitAsync(CancellationToken.None);
            if (await Task.WhenAny(exited, timer).ConfigureAwait(false) == timer)
            {
                Kill(process);
                return new Result(null, [], "", $"'{program}' did not finish within {timeout.TotalSeconds:0} seconds (waiting for a passphrase?)");
            }

            // A child left running (an agent it started) may hold the pipes: stop waiting at the timeout.
            await Task.WhenAny(Task.WhenAll(copied, errors, written), timer).ConfigureAwait(false);
            return new Result(process.ExitCode, output.ToArray(), errors.IsCompletedSuccessfully ? errors.Result : "", null);
        }
        finally
        {
            await timerCancellation.CancelAsync().ConfigureAwait(false);
        }
    }

    private static async Task WriteInputAsync(Process process, byte[]? input)
    {
        try
        {
            if (input is not null)
            {
                await process.StandardInput.BaseStream.WriteAsync(input).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading everything (it failed): its exit code says so.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception error) when (error is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
