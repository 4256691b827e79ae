using System.Collections.Concurrent;
using LibGit2Sharp;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Watching;

/// <summary>
/// Which paths of the work tree are the user's work: not <c>.git/</c>, not <c>.lifecycle/</c>,
/// not the session documents Lifecycle itself writes (the log grows with every event: watching it
/// would record forever), and not what git ignores. Git's answer is cached per path and forgotten
/// when an ignore file changes.
/// </summary>
internal sealed class WorkTreePaths(string root, string docsFolder) : IDisposable
{
    private const int CacheLimit = 20_000;

    private readonly ConcurrentDictionary<string, bool> _ignored = new(StringComparer.Ordinal);
    private readonly Lock _git = new();
    private readonly string _docsPrefix = docsFolder.Replace('\\', '/').Trim('/') is { Length: > 0 } docs ? docs + "/SESSION-" : "SESSION-";
    private Repository? _repository;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// True when the work tree is there: its folder holds <c>.git</c> (a folder, or a file in a linked
    /// worktree). The folder alone is not enough: the server's log writer makes <c>.lifecycle/logs</c>
    /// again under a work tree that was moved away.
    /// </summary>
    public bool IsPresent
    {
        get
        {
            var git = Path.Combine(Root, ".git");
            return Directory.Exists(git) || File.Exists(git);
        }
    }

    /// <summary>The path relative to the work tree with forward slashes; null outside it.</summary>
    public string? Relative(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath).Replace('\\', '/');
        return relative is "." or "" || relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }

    /// <summary>Drops git's cached answers when <paramref name="relative"/> is an ignore file (a <c>.gitignore</c>, <c>.git/info/exclude</c>); true when it was.</summary>
    public bool ForgetIgnoredIfRulesChanged(string relative)
    {
        if (relative is ".gitignore" or ".git/info/exclude" || relative.EndsWith("/.gitignore", StringComparison.Ordinal))
        {
            _ignored.Clear();
            return true;
        }

        return false;
    }

    /// <summary>True for the user's work: a change to it is recorded as <c>file_modified</c>.</summary>
    public bool IsWork(string relative)
    {
        if (IsGitFolder(relative) || LifecyclePaths.IsInside(relative) || relative.StartsWith(_docsPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (_ignored.TryGetValue(relative, out var ignored))
        {
            return !ignored;
        }

        if (_ignored.Count > CacheLimit)
        {
            _ignored.Clear();
        }

        // A repository git cannot read now (the work tree moved away) records nothing, and is asked again next time.
        if (Git<bool?>(repository => repository.Ignore.IsPathIgnored(relative), fallback: null) is not { } answer)
        {
            return false;
        }

        _ignored[relative] = answer;
        return !answer;
    }

    /// <summary>True when git tracks the path (a deleted tracked file is a change; a deleted temporary file is not).</summary>
    public bool IsTracked(string relative) => Git(repository => repository.Index[relative] is not null, fallback: false);

    /// <summary>Closes the repository, so that the next question opens it again (after the work tree was moved back, say).</summary>
    public void Reset()
    {
        lock (_git)
        {
            _repository?.Dispose();
            _repository = null;
        }

        _ignored.Clear();
    }

    public void Dispose() => Reset();

    private static bool IsGitFolder(string relative) =>
        relative == ".git" || relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Contains("/.git/", StringComparison.Ordinal) || relative.EndsWith("/.git", StringComparison.Ordinal);

    // LibGit2Sharp's repository is not thread-safe: one question at a time. A repository that
    // cannot be read (the work tree deleted) answers the fallback, and is opened again next time.
    private T Git<T>(Func<Repository, T> ask, T fallback)
    {
        lock (_git)
        {
            try
            {
                _repository ??= new Repository(Root);
                return ask(_repository);
            }
            catch (Exception error) when (error is LibGit2SharpException or IOException or UnauthorizedAccessException)
            {
                _repository?.Dispose();
                _repository = null;
                return fallback;
            }
        }
    }
}
