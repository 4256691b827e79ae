using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>The session documents' commit: exactly the given paths, on top of HEAD, leaving whatever else is staged alone.</summary>
public sealed class DocsCommit
{
    private readonly GitContext _git;

    internal DocsCommit(GitContext git) => _git = git;

    private Repository Repo => _git.Repo;

    private string Root => _git.Root;

    /// <summary>
    /// Commits the working-tree content of exactly these paths on top of HEAD, and nothing else:
    /// whatever the user has staged for other paths stays staged and out of the commit.
    /// </summary>
    /// <remarks>
    /// The commit's tree is HEAD's tree with these files replaced (through git's clean filters, as
    /// <c>git add</c> would) or removed when missing from disk. Afterwards the index entries of these
    /// paths match the commit. Commit hooks do not run: LibGit2Sharp does not run hooks. Author and
    /// committer come from git's <c>user.name</c> and <c>user.email</c> (<c>Lifecycle
    /// &lt;lifecycle@localhost&gt;</c> when unset). With <c>commit.gpgsign</c> on, the commit is
    /// signed as git signs it (<see cref="Signing.CommitSigner"/>); when signing fails (no key, the
    /// agent refuses) the commit is made unsigned and the result says why.
    /// </remarks>
    /// <param name="paths">Files relative to the working tree's root (or absolute inside it).</param>
    /// <param name="message">The commit message.</param>
    /// <returns>The new commit's sha (null when these paths already match HEAD: no empty commit is made) and whether it is signed.</returns>
    /// <exception cref="SessionException">
    /// No paths, no message, a folder, or a path outside the repository (exit code 2), or another git
    /// process holding the index or a merge or rebase in progress (exit code 4).
    /// </exception>
    public DocsCommitResult CommitPaths(IReadOnlyList<string> paths, string message)
    {
        if (paths.Count == 0 || string.IsNullOrWhiteSpace(message))
        {
            throw new SessionException("Nothing to commit: pass at least one file and a non-empty message.", ErrorKind.InvalidInput);
        }

        _git.EnsureReadyToWrite();
        var head = Repo.Head.Tip;
        var tree = head is null ? new TreeDefinition() : TreeDefinition.From(head.Tree);
        var staged = new List<(string Path, Blob? Blob, Mode Mode)>();
        foreach (var path in paths.Select(RelativePath).Distinct(StringComparer.Ordinal))
        {
            var full = WorkTreeFile.FullPath(Root, path);
            if (!WorkTreeFile.Exists(full))
            {
                tree.Remove(path);
                staged.Add((path, null, Mode.Nonexistent));
                continue;
            }

            var (blob, mode, _) = new FileInfo(full).LinkTarget is not null
                ? WorkTreeFile.Store(Repo, full, null)
                : new StoredFile(Repo.ObjectDatabase.CreateBlob(path), _git.KnownMode(head, path) ?? WorkTreeFile.ModeOf(full), FilterNeutral: false);
            tree.Add(path, blob, mode);
            staged.Add((path, blob, mode));
        }

        var newTree = Repo.ObjectDatabase.CreateTree(tree);
        if (head is not null && newTree.Id == head.Tree.Id)
        {
            return new DocsCommitResult(null, false, null);
        }

        var signature = _git.Signature();
        var (commit, signed, problem) = Create(signature, message, newTree, head);
        var log = $"commit{(head is null ? " (initial)" : "")}: {commit.MessageShort}";
        if (Repo.Info.IsHeadDetached)
        {
            Repo.Refs.UpdateTarget(Repo.Refs.Head, commit.Id, log);
        }
        else if (head is null)
        {
            Repo.Refs.Add(Repo.Refs.Head.TargetIdentifier, commit.Id, log);
        }
        else
        {
            Repo.Refs.UpdateTarget(Repo.Refs[Repo.Head.CanonicalName], commit.Id, log);
        }

        foreach (var (path, blob, mode) in staged)
        {
            if (blob is not null)
            {
                Repo.Index.Add(blob, path, mode);
            }
            else if (Repo.Index[path] is not null)
            {
                Repo.Index.Remove(path);
            }
        }

        Repo.Index.Write();
        return new DocsCommitResult(commit.Sha, signed, problem);
    }

    /// <summary>The commit, signed when the configuration asks for it and signing works.</summary>
    private (Commit Commit, bool Signed, string? Problem) Create(Signature signature, string message, Tree tree, Commit? head)
    {
        Commit[] parents = head is null ? [] : [head];
        if (Signing.CommitSigner.For(_git, signature) is not { } signer)
        {
            return (Repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: true), false, null);
        }

        var content = Commit.CreateBuffer(signature, signature, message, tree, parents, prettifyMessage: true, commentChar: null);
        var (signed, problem) = signer.Sign(content);
        if (signed is null)
        {
            return (Repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: true), false, problem);
        }

        return (Repo.Lookup<Commit>(Repo.ObjectDatabase.CreateCommitWithSignature(content, signed)), true, null);
    }

    private string RelativePath(string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Root));
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new SessionException($"'{path}' is outside the repository {root}: pass a file inside it.", ErrorKind.InvalidInput);
        }

        if (Directory.Exists(full) && new FileInfo(full).LinkTarget is null)
        {
            throw new SessionException($"'{path}' is a folder: pass the files to commit one by one.", ErrorKind.InvalidInput);
        }

        var relative = full[(root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
        return relative.StartsWith(".git/", StringComparison.Ordinal) || relative == ".git"
            ? throw new SessionException($"'{path}' is inside .git: pass a file of the working tree.", ErrorKind.InvalidInput)
            : relative;
    }
}
