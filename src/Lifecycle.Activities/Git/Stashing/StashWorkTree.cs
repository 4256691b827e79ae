using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Stashing;

/// <summary>Builds the tree of a stash's work-tree commit, and remembers the trees it wrote so they are flushed with the stash.</summary>
internal sealed class StashWorkTree(GitContext git)
{
    private readonly GitContext _git = git;
    private readonly List<ObjectId> _written = [];

    /// <summary>The trees <see cref="Trees.TreeWriter"/> wrote for the last tree built.</summary>
    public IReadOnlyList<ObjectId> WrittenTrees => _written;

    /// <summary>
    /// The stash's work-tree tree: the index with the tracked changes' files in place. With nothing
    /// staged that is HEAD's tree with those files changed, which <see cref="Trees.TreeWriter"/>
    /// writes folder by folder; otherwise (or when it cannot) it is built by changing the in-memory
    /// index (libgit2 writes a tree from an index natively, where a tree definition rebuilds every
    /// folder on the way through managed code), then putting the index back. Nothing is written to
    /// the index file here.
    /// </summary>
    /// <param name="head">The commit the stash is made on.</param>
    /// <param name="tracked">The tracked paths to read from the work tree (not those git takes as the index has them: the index holds them already).</param>
    /// <param name="stored">Where each file read is recorded.</param>
    /// <param name="indexIsHead">True when nothing is staged.</param>
    public Tree Build(Commit head, IReadOnlyList<string> tracked, Dictionary<string, StoredFile> stored, bool indexIsHead)
    {
        _written.Clear();
        var files = new Dictionary<string, (ObjectId Id, Mode Mode)?>(StringComparer.Ordinal);
        foreach (var path in tracked)
        {
            var full = WorkTreeFile.FullPath(_git.Root, path);
            if (WorkTreeFile.Exists(full))
            {
                var file = stored[path] = WorkTreeFile.Store(_git.Repo, full, _git.KnownMode(head, path));
                files[path] = (file.Blob.Id, file.Mode);
            }
            else
            {
                files[path] = null;
            }
        }

        if (indexIsHead && _git.Trees.Objects() is { } objects && Trees.TreeWriter.Apply(objects, head.Tree.Id, files, _written) is { } written
            && _git.Repo.Lookup<Tree>(written) is { } tree)
        {
            return tree;
        }

        return FromIndex(files);
    }

    private Tree FromIndex(Dictionary<string, (ObjectId Id, Mode Mode)?> files)
    {
        var before = files.Keys.Select(path => (Path: path, Entry: _git.Repo.Index[path])).ToList();
        try
        {
            // Removals first: with core.ignorecase a case-only rename's old name would otherwise
            // remove the new name's entry just added.
            foreach (var (path, _) in files.Where(f => f.Value is null))
            {
                if (_git.Repo.Index[path] is not null)
                {
                    _git.Repo.Index.Remove(path);
                }
            }

            foreach (var (path, blob) in files.Where(f => f.Value is not null).Select(f => (f.Key, f.Value!.Value)))
            {
                _git.Repo.Index.Add(_git.Repo.Lookup<Blob>(blob.Id), path, blob.Mode);
            }

            return _git.Repo.ObjectDatabase.CreateTree(_git.Repo.Index);
        }
        finally
        {
            foreach (var (path, entry) in before)
            {
                if (entry is null)
                {
                    if (_git.Repo.Index[path] is not null)
                    {
                        _git.Repo.Index.Remove(path);
                    }
                }
                else if (_git.Repo.Lookup<Blob>(entry.Id) is { } blob)
                {
                    _git.Repo.Index.Add(blob, path, entry.Mode);
                }
            }
        }
    }
}
