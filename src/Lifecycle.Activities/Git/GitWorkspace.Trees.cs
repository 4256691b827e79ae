using LibGit2Sharp;
using Lifecycle.Activities.Git.Trees;

namespace Lifecycle.Activities.Git;

public sealed partial class GitWorkspace
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
    internal IReadOnlyList<TreeChange> CompareTrees(Tree? from, Tree? to)
    {
        if (NativeObjectDatabase() is { } objects && TreeComparison.Compare(objects, from?.Id, to?.Id) is { } changes)
        {
            return changes;
        }

        return CompareTreesWithLibgit2(from, to);
    }

    /// <summary><see cref="CompareTrees"/> by libgit2's tree comparison (walks every entry of both trees).</summary>
    internal IReadOnlyList<TreeChange> CompareTreesWithLibgit2(Tree? from, Tree? to)
    {
        return [.. _repo.Diff.Compare<TreeChanges>(from, to, NoRenames)
            .Select(c => new TreeChange(c.Path, c.OldExists ? c.OldOid : null, c.OldExists ? c.OldMode : Mode.Nonexistent, c.Exists ? c.Oid : null, c.Exists ? c.Mode : Mode.Nonexistent))
            .OrderBy(c => c.Path, StringComparer.Ordinal)];
    }

    private NativeObjects? NativeObjectDatabase()
    {
        if (!_objectsOpened)
        {
            _objectsOpened = true;
            try
            {
                _objects = NativeObjects.Open(Path.Combine(CommonGitDirectory(), "objects"));
            }
            catch (Exception)
            {
                // Deliberately broad: without raw reads, libgit2 compares the trees (slower, same result).
                _objects = null;
            }
        }

        return _objects;
    }
}
