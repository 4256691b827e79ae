using LibGit2Sharp;
using Lifecycle.Activities.Git.Trees;

namespace Lifecycle.Activities.Git;

/// <summary>
/// What every job on an opened repository shares: the LibGit2Sharp repository, the clock, the
/// read-only promise, the tree cache and the tree comparer. <see cref="GitWorkspace"/> makes one
/// and hands it to each job; the jobs keep their own state.
/// </summary>
/// <remarks>Not thread-safe, as LibGit2Sharp's repository is not.</remarks>
internal sealed class GitContext(Repository repo, TimeProvider time, bool readOnly) : IDisposable
{
    private readonly Dictionary<ObjectId, TreePaths> _trees = [];

    /// <summary>Tree comparisons path by path, as <c>git diff --no-renames</c>.</summary>
    public static readonly CompareOptions NoRenames = new() { Similarity = SimilarityOptions.None };

    /// <summary>
    /// Tree comparisons that pair renames as <c>git log</c> and <c>git diff</c> do by default: as the
    /// repository's <c>diff.renames</c> says (on unless set to false; <c>copies</c> also finds
    /// copies), at 50% similarity, within <c>diff.renameLimit</c>.
    /// </summary>
    /// <remarks>libgit2 estimates similarity its own way, so a file near the 50% line may pair where git does not, or the other way round.</remarks>
    public static readonly CompareOptions RenamesAsConfigured = new() { Similarity = SimilarityOptions.Default };

    public Repository Repo { get; } = repo;

    public TimeProvider Time { get; } = time;

    /// <summary>True when opened only to read: <see cref="EnsureReadyToWrite"/> refuses.</summary>
    public bool ReadOnly { get; } = readOnly;

    /// <summary>Tree comparisons, by raw reads of the object database where it can.</summary>
    public TreeComparer Trees { get; } = new(repo);

    /// <summary>The root of the working tree.</summary>
    public string Root => Repo.Info.WorkingDirectory;

    /// <summary>The checked-out branch's short name, or null when HEAD is detached.</summary>
    public string? CurrentBranch => Repo.Info.IsHeadDetached ? null : Repo.Head.FriendlyName;

    /// <summary>The repository's own folder: a linked worktree's refs and objects live in the main one.</summary>
    public string CommonGitDirectory => Setup.GitPaths.CommonDirectoryOf(Repo.Info.Path);

    /// <summary>Path lookups in a tree, shared by every lookup in it while the repository is open (trees never change).</summary>
    public TreePaths PathsIn(Tree? tree)
    {
        if (tree is null)
        {
            return new TreePaths(null);
        }

        if (!_trees.TryGetValue(tree.Id, out var paths))
        {
            _trees[tree.Id] = paths = new TreePaths(tree);
        }

        return paths;
    }

    /// <summary>Author and committer for a new commit: git's <c>user.name</c> and <c>user.email</c>, now.</summary>
    public Signature Signature() =>
        Repo.Config.BuildSignature(Time.GetLocalNow())
        ?? new Signature("Lifecycle", "lifecycle@localhost", Time.GetLocalNow());

    /// <summary>The blob with this id.</summary>
    /// <exception cref="SessionException">The object is missing (exit code 1).</exception>
    public Blob BlobOf(ObjectId id) =>
        Repo.Lookup<Blob>(id) ?? throw new SessionException($"Object {id.Sha} is missing from the repository: check it with 'git fsck'; the session's stash keeps the work that was put away.", ErrorKind.Failure);

    /// <summary>The mode to record when the file system's executable bit is not to be trusted; null when it is.</summary>
    public Mode? KnownMode(Commit? head, string path)
    {
        if (TrustsFileMode())
        {
            return null;
        }

        var mode = Repo.Index[path]?.Mode ?? PathsIn(head?.Tree)[path]?.Mode;
        return mode is Mode.ExecutableFile ? Mode.ExecutableFile : Mode.NonExecutableFile;
    }

    /// <summary>
    /// Refuses before touching anything when another git process holds the index, or a merge,
    /// rebase, cherry-pick or similar is half done (stashing or committing under it would tangle it).
    /// </summary>
    public void EnsureReadyToWrite()
    {
        if (ReadOnly)
        {
            throw new InvalidOperationException("This workspace was opened read-only; open it with readOnly: false to change git.");
        }

        if (Repo.Info.CurrentOperation is var operation and not CurrentOperation.None)
        {
            throw new SessionException($"A {operation} is in progress in {Root}: finish it, or abort it, before the session touches git.", ErrorKind.Conflict);
        }

        var lockFile = Path.Combine(Repo.Info.Path, "index.lock");
        if (File.Exists(lockFile))
        {
            throw new SessionException($"Another git process is using the repository ({lockFile} exists): wait for it to finish, or delete that file if no git process is running.", ErrorKind.Conflict);
        }
    }

    /// <summary>Every file (blob, link or submodule) of a tree, depth first, with its path.</summary>
    public static IEnumerable<(string Path, TreeEntry Entry)> Files(Tree tree, string prefix = "")
    {
        foreach (var entry in tree)
        {
            var path = prefix + entry.Name;
            if (entry.Target is Tree child)
            {
                foreach (var file in Files(child, path + "/"))
                {
                    yield return file;
                }
            }
            else
            {
                yield return (path, entry);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Trees.Dispose();
        Repo.Dispose();
    }

    private bool TrustsFileMode() => Repo.Config.Get<bool>("core.fileMode")?.Value ?? !OperatingSystem.IsWindows();
}
