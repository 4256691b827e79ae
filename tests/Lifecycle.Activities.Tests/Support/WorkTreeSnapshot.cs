using System.Text;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>Every file of a working tree (outside .git) with its exact bytes and executable bit, plus the index as git sees it.</summary>
public sealed record WorkTreeSnapshot(IReadOnlyDictionary<string, string> Files, string Index, string Staged, string Status)
{
    public static WorkTreeSnapshot Take(TempRepository repo)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var root = new DirectoryInfo(repo.Path);
        foreach (var file in root.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(repo.Path, file.FullName).Replace('\\', '/');
            if (relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Contains("/.git/", StringComparison.Ordinal) || relative.EndsWith("/.git", StringComparison.Ordinal))
            {
                continue;
            }

            var executable = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file.FullName) & UnixFileMode.UserExecute) != 0;
            files[relative] = (executable ? "x " : "- ") + Convert.ToHexString(File.ReadAllBytes(file.FullName));
        }

        return new WorkTreeSnapshot(
            files,
            repo.Git("ls-files", "-s"),
            repo.Git("diff", "--cached", "--binary", "--no-renames"),
            repo.Git("status", "--porcelain=v1", "--untracked-files=all", "--no-renames"));
    }

    /// <summary>A readable description of the differences, empty when equal.</summary>
    public string DifferencesFrom(WorkTreeSnapshot other)
    {
        var report = new StringBuilder();
        foreach (var path in Files.Keys.Union(other.Files.Keys).Order(StringComparer.Ordinal))
        {
            Files.TryGetValue(path, out var mine);
            other.Files.TryGetValue(path, out var theirs);
            if (mine != theirs)
            {
                report.AppendLine($"{path}: {Short(mine)} vs {Short(theirs)}");
            }
        }

        if (Index != other.Index)
        {
            report.AppendLine($"index:\n{Index}\nvs\n{other.Index}");
        }

        if (Staged != other.Staged)
        {
            report.AppendLine($"staged diff:\n{Staged}\nvs\n{other.Staged}");
        }

        if (Status != other.Status)
        {
            report.AppendLine($"status:\n{Status}\nvs\n{other.Status}");
        }

        return report.ToString();
    }

    private static string Short(string? value) => value is null ? "(missing)" : value.Length > 80 ? value[..80] + "…" : value;
}
