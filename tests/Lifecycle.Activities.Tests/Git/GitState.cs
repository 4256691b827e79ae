using System.Text;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git;

/// <summary>
/// Everything git can say about a working tree, as git says it: status (porcelain v2), every index
/// entry with its flags (assume-unchanged, skip-worktree, intent-to-add), the unstaged and staged
/// diffs, and every file, link and folder outside <c>.git</c> with its bytes and permission bits.
/// </summary>
/// <remarks>
/// Index entries are compared by mode, id, stage, path and flags; their stat data (times, inode)
/// changes whenever a file is written again, which is no difference to git.
/// </remarks>
public sealed record GitState(string Status, string Index, string Tags, string Diff, string Staged, IReadOnlyDictionary<string, string> Files)
{
    public static GitState Take(TempRepository repo)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(repo.Path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repo.Path, entry.FullName).Replace('\\', '/');
            if (relative == ".git" || relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Contains("/.git/", StringComparison.Ordinal) || relative.EndsWith("/.git", StringComparison.Ordinal))
            {
                continue;
            }

            var bits = OperatingSystem.IsWindows() ? "" : Convert.ToString((int)File.GetUnixFileMode(entry.FullName), 8) + " ";
            files[relative] = entry.LinkTarget is { } target ? $"link {target}"
                : entry is DirectoryInfo ? $"folder {bits}"
                : $"file {bits}{Convert.ToHexString(File.ReadAllBytes(entry.FullName))}";
        }

        return new GitState(
            repo.Git("status", "--porcelain=v2", "-z", "--untracked-files=all", "--no-renames").Replace('\0', '\n'),
            IndexEntries(repo),
            repo.Git("ls-files", "-v"),
            repo.Git("diff", "--binary", "--no-renames"),
            repo.Git("diff", "--cached", "--binary", "--no-renames"),
            files);
    }

    /// <summary>A readable description of the differences, empty when equal.</summary>
    public string DifferencesFrom(GitState other)
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

        Compare(report, "status", Status, other.Status);
        Compare(report, "index", Index, other.Index);
        Compare(report, "ls-files -v", Tags, other.Tags);
        Compare(report, "diff", Diff, other.Diff);
        Compare(report, "diff --cached", Staged, other.Staged);
        return report.ToString();
    }

    /// <summary><c>git ls-files --stage --debug</c> without the stat data: "mode id stage\tpath flags:X".</summary>
    private static string IndexEntries(TempRepository repo)
    {
        var lines = new StringBuilder();
        foreach (var line in repo.Git("ls-files", "--stage", "--debug").Split('\n'))
        {
            var flags = line.IndexOf("flags: ", StringComparison.Ordinal);
            if (flags >= 0)
            {
                lines.Append(" flags:").AppendLine(line[(flags + 7)..]);
            }
            else if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                lines.Append(line);
            }
        }

        return lines.ToString();
    }

    private static void Compare(StringBuilder report, string what, string mine, string theirs)
    {
        if (mine != theirs)
        {
            report.AppendLine($"{what}:\n{mine}\nvs\n{theirs}");
        }
    }

    private static string Short(string? value) => value is null ? "(missing)" : value.Length > 100 ? value[..100] + "…" : value;
}
