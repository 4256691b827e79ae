using System.Diagnostics;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>Runs a program and waits for it: its exit code and what it printed (stdout, then stderr).</summary>
public static class ProcessRunner
{
    public static (int ExitCode, string Output) Run(string program, params string[] args) => RunIn(null, program, args);

    public static (int ExitCode, string Output) RunIn(string? workingDirectory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
