using System.Diagnostics;

namespace Lifecycle.Server.Tests.Support;

/// <summary>Runs the git CLI in a folder for end-to-end tests.</summary>
public static class Git
{
    public static string Run(string folder, params string[] args) => Run(folder, new Dictionary<string, string>(), args);

    public static string Run(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = folder;
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"git {string.Join(' ', args)}: {stderr}");
    }

    /// <summary>Makes <paramref name="folder"/> a repository with one commit.</summary>
    public static void Init(string folder)
    {
        Run(folder, "init", "-q", "-b", "main");
        Run(folder, "config", "user.name", "Test User");
        Run(folder, "config", "user.email", "test@example.com");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# test\n");
        Run(folder, "add", "-A");
        Run(folder, "commit", "-q", "-m", "initial");
    }
}
