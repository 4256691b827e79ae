using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>Looks up many paths in one git tree, reading each folder's tree object once.</summary>
/// <remarks>
/// <c>tree[path]</c> walks from the root on every call and loads each tree on the way; libgit2
/// does not cache tree objects over 4 KB, so in a folder of 2,000 files every lookup inflates that
/// folder's tree from the pack again (milliseconds each, seconds for a few hundred paths). This
/// reads a folder once, on first use, into a dictionary. Not thread-safe.
/// </remarks>
/// <param name="root">The tree to look in; null (no commit yet) finds nothing.</param>
internal sealed class TreePaths(Tree? root)
{
    private readonly Dictionary<string, Dictionary<string, TreeEntry>?> _folders = new(StringComparer.Ordinal);

    /// <summary>The entry at a relative path with forward slashes; null when there is none.</summary>
    public TreeEntry? this[string path]
    {
        get
        {
            var slash = path.LastIndexOf('/');
            return Folder(slash < 0 ? "" : path[..slash]) is { } entries && entries.TryGetValue(path[(slash + 1)..], out var entry)
                ? entry
                : null;
        }
    }

    private Dictionary<string, TreeEntry>? Folder(string folder)
    {
        if (_folders.TryGetValue(folder, out var known))
        {
            return known;
        }

        Tree? tree;
        if (folder.Length == 0)
        {
            tree = root;
        }
        else
        {
            var slash = folder.LastIndexOf('/');
            tree = Folder(slash < 0 ? "" : folder[..slash]) is { } parent && parent.TryGetValue(folder[(slash + 1)..], out var entry)
                ? entry.Target as Tree
                : null;
        }

        var entries = tree?.ToDictionary(e => e.Name, StringComparer.Ordinal);
        _folders[folder] = entries;
        return entries;
    }
}
