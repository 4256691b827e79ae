using System.Text;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// Writes a tree that is another tree with some files changed or removed, writing only the folders
/// on the way to those files.
/// </summary>
/// <remarks>
/// libgit2 writes a tree from an index by rebuilding every folder whose cached tree the change
/// invalidated and then reading the whole new tree back into its cache: about 30 ms on 50,000
/// files for a stash of 100. This reads the folders on the way from the process-wide cache
/// (<see cref="TreeListing"/>) and writes about one small tree object per changed folder. Entries
/// that do not change keep their bytes, modes included. Only changes to files the tree already
/// holds are taken (what a work tree's unstaged changes are); for anything else it gives null and
/// the caller lets libgit2 write the tree. Tests hold the result to libgit2's, id for id.
/// </remarks>
internal static class TreeWriter
{
    private const int FolderMode = 0x4000;

    /// <summary>
    /// The id of <paramref name="baseTree"/> with each path of <paramref name="changes"/> set to its
    /// blob and mode, or removed when null; null when a path is not a file of the base tree, or a
    /// tree cannot be read or written.
    /// </summary>
    /// <param name="objects">The object database to read and write.</param>
    /// <param name="baseTree">The tree to change.</param>
    /// <param name="changes">Paths (forward slashes) to their new blob and mode, or null to remove them.</param>
    /// <param name="written">Every tree object written, the new root last (to flush them to disk).</param>
    public static ObjectId? Apply(NativeObjects objects, ObjectId baseTree, IReadOnlyDictionary<string, (ObjectId Id, Mode Mode)?> changes, List<ObjectId>? written = null)
    {
        var split = changes.Select(c => (Segments: c.Key.Split('/'), Change: c.Value)).ToList();
        if (split.Any(c => c.Segments.Any(s => s.Length == 0)))
        {
            return null;
        }

        var trees = new List<RawId>();
        if (!Build(objects, RawId.From(baseTree), split, 0, trees, out var root) || (root ??= objects.WriteTree([])) is not { } id)
        {
            return null;
        }

        written?.AddRange(trees.Append(id).Distinct().Select(t => t.ToObjectId()));
        return id.ToObjectId();
    }

    private static bool Build(NativeObjects objects, RawId tree, List<(string[] Segments, (ObjectId Id, Mode Mode)? Change)> changes, int depth, List<RawId> trees, out RawId? written)
    {
        written = null;
        if (TreeListing.Read(objects, tree) is not { } listing)
        {
            return false;
        }

        var entries = new Dictionary<string, TreeItem>(listing.Items, StringComparer.Ordinal);
        foreach (var group in changes.GroupBy(c => c.Segments[depth], StringComparer.Ordinal))
        {
            if (!entries.TryGetValue(group.Key, out var existing))
            {
                return false;
            }

            var here = group.Where(c => c.Segments.Length == depth + 1).ToList();
            if (here.Count > 0)
            {
                // A file of this folder: it must be one, and a file now.
                if (here.Count > 1 || here.Count != group.Count() || existing.IsTree)
                {
                    return false;
                }

                if (here[0].Change is { } change)
                {
                    entries[group.Key] = new TreeItem(RawId.From(change.Id), (int)change.Mode);
                }
                else
                {
                    entries.Remove(group.Key);
                }

                continue;
            }

            if (!existing.IsTree || !Build(objects, existing.Id, [.. group], depth + 1, trees, out var child))
            {
                return false;
            }

            if (child is { } id)
            {
                trees.Add(id);
                entries[group.Key] = new TreeItem(id, FolderMode);
            }
            else
            {
                entries.Remove(group.Key);
            }
        }

        if (entries.Count == 0)
        {
            return true; // an empty folder is no folder
        }

        written = objects.WriteTree(Serialize(entries));
        return written is not null;
    }

    /// <summary>git's tree format, entries in git's order: by name's bytes, a folder's name as if it ended with '/'.</summary>
    internal static byte[] Serialize(IReadOnlyDictionary<string, TreeItem> entries)
    {
        var sorted = entries
            .Select(e => (Key: Encoding.UTF8.GetBytes(e.Value.IsTree ? e.Key + "/" : e.Key), Name: Encoding.UTF8.GetBytes(e.Key), Item: e.Value))
            .OrderBy(e => e.Key, ByteOrder.Instance);
        using var bytes = new MemoryStream();
        foreach (var (_, name, item) in sorted)
        {
            bytes.Write(Encoding.ASCII.GetBytes(Convert.ToString(item.RawMode, 8)));
            bytes.WriteByte((byte)' ');
            bytes.Write(name);
            bytes.WriteByte(0);
            bytes.Write(item.Id.ToBytes());
        }

        return bytes.ToArray();
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static readonly ByteOrder Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
