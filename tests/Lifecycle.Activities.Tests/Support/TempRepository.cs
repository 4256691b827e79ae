using System.Diagnostics;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>A real git repository in a temp folder, driven with the git CLI; deleted afterwards.</summary>
public sealed class TempRepository : IDisposable
{
    public TempRepository(bool init = true)
    {
        Path = Directory.CreateTempSubdirectory("lifecycle-repo-").FullName;
        if (init)
        {
            Git("init", "-q", "-b", "main");
            Git("config", "user.name", "Test User");
            Git("config", "user.email", "test@example.com");
            Git("config", "commit.gpgsign", "false");
        }
    }

    public string Path { get; }

    /// <summary>Writes a file (creating folders), relative to the repository root.</summary>
    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string Write(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    /// <summary>Runs git in the repository; throws with its output when it fails.</summary>
    public string Git(params string[] args)
    {
        var (exitCode, stdout, stderr) = TryGit(args);
        return exitCode == 0
            ? stdout
            : throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({exitCode}): {stderr}");
    }

    /// <summary>Runs git in the repository (or in <paramref name="workingDirectory"/>); its exit code and output, whatever they are.</summary>
    public (int ExitCode, string Stdout, string Stderr) TryGit(string[] args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory ?? Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = Path;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    /// <summary>Stages everything and commits; returns the new commit's sha.</summary>
    public string CommitAll(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
