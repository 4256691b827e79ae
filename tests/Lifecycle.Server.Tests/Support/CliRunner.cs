using System.Diagnostics;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Runs the real <c>lifecycle</c> executable (built next to the tests) in a working folder.</summary>
public sealed class CliRunner(string workingDirectory)
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "lifecycle.dll");

    public string WorkingDirectory { get; } = workingDirectory;

    public Dictionary<string, string> Environment { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
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
        foreach (var (key, value) in Environment)
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
