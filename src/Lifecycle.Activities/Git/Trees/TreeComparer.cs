using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// Compares two trees path by path, reading raw tree objects where it can (skipping identical
/// folders), and opens that raw object database once for the tree writer too.
/// </summary>
internal sealed class TreeComparer(Repository repo) : IDisposable
{
    private NativeObjects? _objects;
    private bool _objectsOpened;

    /// <summary>
    /// The paths whose entries differ between two trees (null for an empty tree), as
    /// <c>git diff --no-renames --name-status</c> lists them, sorted.
    /// </summary>
    /// <remarks>
    /// Read by <see cref="TreeComparison"/>, which skips identical folders; when it cannot read a
    /// tree (an object database libgit2 cannot open raw, a missing object), libgit2 compares them.
    /// </remarks>
    public IReadOnlyList<TreeChange> Compare(Tree? from, Tree? to)
    {
        if (Objects() is { } objects && TreeComparison.Compare(objects, from?.Id, to?.Id) is { } changes)
        {
            return changes;
        }

        return CompareWithLibgit2(from, to);
    }

    /// <summary><see cref="Compare"/> by libgit2's tree comparison (walks every entry of both trees).</summary>
    public IReadOnlyList<TreeChange> CompareWithLibgit2(Tree? from, Tree? to)
    {
        return [.. repo.Diff.Compare<TreeChanges>(from, to, GitContext.NoRenames)
            .Select(c => new TreeChange(c.Path, c.OldExists ? c.OldOid : null, c.OldExists ? c.OldMode : Mode.Nonexistent, c.Exists ? c.Oid : null, c.Exists ? c.Mode : Mode.Nonexistent))
            .OrderBy(c => c.Path, StringComparer.Ordinal)];
    }

    /// <summary>The changes between two trees keyed by path.</summary>
    public Dictionary<string, TreeChange> ByPath(Tree from, Tree to) =>
        Compare(from, to).ToDictionary(c => c.Path, StringComparer.Ordinal);

    /// <summary>The object database read and written raw; null when it cannot be opened that way.</summary>
    public NativeObjects? Objects()
    {
        if (!_objectsOpened)
        {
            _objectsOpened = true;
            try
            {
                _objects = NativeObjects.Open(Path.Combine(Setup.GitPaths.CommonDirectoryOf(repo.Info.Path), "objects"));
            }
            catch (Exception)
            {
                // Deliberately broad: without raw reads, libgit2 compares the trees (slower, same result).
                _objects = null;
            }
        }

        return _objects;
    }

    /// <inheritdoc />
    public void Dispose() => _objects?.Dispose();
}
