using System.Diagnostics;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Runs a script in a real shell (bash, zsh) for end-to-end tests of what users source.</summary>
public static class Shell
{
    /// <summary>True when <paramref name="shell"/> is on PATH.</summary>
    public static bool Exists(string shell) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, shell)));

    /// <summary>Runs <paramref name="script"/> with <c>shell -c</c>, no start-up files read.</summary>
    public static async Task<CliResult> RunAsync(string shell, string script, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(shell)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in shell == "zsh" ? new[] { "-f", "-c", script } : ["--norc", "--noprofile", "-c", script])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
