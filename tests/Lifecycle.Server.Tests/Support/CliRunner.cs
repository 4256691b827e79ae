using System.Diagnostics;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Runs the real <c>lifecycle</c> executable (built next to the tests) in a working folder.</summary>
public sealed class CliRunner(string workingDirectory)
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "lifecycle.dll");

    public string WorkingDirectory { get; } = workingDirectory;

    public Dictionary<string, string> Environment { get; } = [];

    /// <summary>Starts the binary and returns at once; the caller reads its output and ends it.</summary>
    public Process Start(params string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        return process;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private ProcessStartInfo StartInfo(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        // Tests run by a coding agent inherit its variables; a test's own start is a person's unless it says otherwise.
        foreach (var agentVariable in (string[])["LIFECYCLE_AGENT", "CLAUDECODE", "GEMINI_CLI", "CODEX_SANDBOX", "CODEX_SANDBOX_NETWORK_DISABLED"])
        {
            start.Environment.Remove(agentVariable);
        }

        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
