using System.Collections.Concurrent;
using System.Text;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>One git tree object's entries by name, parsed from its raw bytes.</summary>
/// <remarks>
/// Trees are content-addressed, so a listing read once is valid for the whole process and for any
/// repository: <see cref="Read"/> keeps them in a cache shared by every workspace, which is what
/// makes a command's second and third comparison of the same trees cheap. The cache is emptied when
/// it grows past <see cref="CacheLimit"/> trees.
/// </remarks>
internal sealed class TreeListing
{
    internal const int CacheLimit = 50_000;

    private static readonly ConcurrentDictionary<ObjectId, TreeListing> Cache = new();

    private TreeListing(Dictionary<string, TreeItem> items) => Items = items;

    /// <summary>The entries, by name (no slashes).</summary>
    public IReadOnlyDictionary<string, TreeItem> Items { get; }

    /// <summary>The listing of tree <paramref name="id"/>; null when the object cannot be read as a tree.</summary>
    public static TreeListing? Read(NativeObjects objects, ObjectId id)
    {
        if (Cache.TryGetValue(id, out var known))
        {
            return known;
        }

        if (objects.ReadTree(id) is not { } bytes || Parse(bytes) is not { } listing)
        {
            return null;
        }

        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache[id] = listing;
        return listing;
    }

    /// <summary>
    /// Parses a SHA-1 tree object: entries of <c>&lt;octal mode&gt; &lt;name&gt;\0&lt;20-byte id&gt;</c>.
    /// Null when the bytes are not such a tree.
    /// </summary>
    internal static TreeListing? Parse(ReadOnlySpan<byte> bytes)
    {
        const int IdLength = 20;
        var items = new Dictionary<string, TreeItem>(StringComparer.Ordinal);
        while (!bytes.IsEmpty)
        {
            var space = bytes.IndexOf((byte)' ');
            if (space <= 0)
            {
                return null;
            }

            var mode = 0;
            foreach (var digit in bytes[..space])
            {
                if (digit is < (byte)'0' or > (byte)'7')
                {
                    return null;
                }

                mode = (mode * 8) + (digit - '0');
            }

            bytes = bytes[(space + 1)..];
            var nul = bytes.IndexOf((byte)0);
            if (nul <= 0 || bytes.Length < nul + 1 + IdLength)
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(bytes[..nul]);
            var id = new ObjectId(bytes.Slice(nul + 1, IdLength).ToArray());
            if (!items.TryAdd(name, new TreeItem(id, (Mode)mode)))
            {
                return null;
            }

            bytes = bytes[(nul + 1 + IdLength)..];
        }

        return new TreeListing(items);
    }
}

/// <summary>One entry of a tree: what it points at and its mode.</summary>
internal readonly record struct TreeItem(ObjectId Id, Mode Mode)
{
    public bool IsTree => Mode == Mode.Directory;
}
