using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>One git tree object's entries by name, parsed from its raw bytes.</summary>
/// <remarks>
/// Trees are content-addressed, so a listing read once is valid for the whole process and for any
/// repository: <see cref="Read"/> keeps them in a cache shared by every workspace, which is what
/// makes a command's second and third comparison of the same trees cheap. The cache holds at most
/// <see cref="CacheLimit"/> entries in all (a few tens of megabytes); past that it starts again empty.
/// </remarks>
internal sealed class TreeListing
{
    internal const int CacheLimit = 400_000;

    private static readonly ConcurrentDictionary<RawId, TreeListing> Cache = new();
    private static int s_cachedEntries;

    private TreeListing(Dictionary<string, TreeItem> items) => Items = items;

    /// <summary>The entries, by name (no slashes).</summary>
    public IReadOnlyDictionary<string, TreeItem> Items { get; }

    /// <summary>The listing of tree <paramref name="id"/>; null when the object cannot be read as a tree.</summary>
    public static TreeListing? Read(NativeObjects objects, RawId id)
    {
        if (Cache.TryGetValue(id, out var known))
        {
            return known;
        }

        if (objects.ReadTree(id) is not { } bytes || Parse(bytes) is not { } listing)
        {
            return null;
        }

        if (Interlocked.Add(ref s_cachedEntries, listing.Items.Count) > CacheLimit)
        {
            Cache.Clear();
            Interlocked.Exchange(ref s_cachedEntries, listing.Items.Count);
        }

        Cache[id] = listing;
        return listing;
    }

    /// <summary>
    /// Parses a SHA-1 tree object: entries of <c>&lt;octal mode&gt; &lt;name&gt;\0&lt;20-byte id&gt;</c>.
    /// Null when the bytes are not such a tree, or a name is not UTF-8 (libgit2 then compares, as it
    /// did before: two such names must not collapse into one).
    /// </summary>
    internal static TreeListing? Parse(ReadOnlySpan<byte> bytes)
    {
        var items = new Dictionary<string, TreeItem>(StringComparer.Ordinal);
        while (!bytes.IsEmpty)
        {
            var space = bytes.IndexOf((byte)' ');
            if (space is <= 0 or > 7)
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
            if (nul <= 0 || bytes.Length < nul + 1 + RawId.Length || !Utf8.IsValid(bytes[..nul]))
            {
                return null;
            }

            var name = Encoding.UTF8.GetString(bytes[..nul]);
            if (!items.TryAdd(name, new TreeItem(RawId.From(bytes.Slice(nul + 1, RawId.Length)), mode)))
            {
                return null;
            }

            bytes = bytes[(nul + 1 + RawId.Length)..];
        }

        return new TreeListing(items);
    }

}

/// <summary>One entry of a tree: what it points at and its mode as written.</summary>
/// <remarks>
/// The mode is kept as written, as libgit2 reports it: trees written by git before 2007 hold
/// 100664 (<see cref="Mode.NonExecutableGroupWritableFile"/>), a change against 100644.
/// </remarks>
internal readonly record struct TreeItem(RawId Id, int RawMode)
{
    public Mode Mode => (Mode)RawMode;

    public bool IsTree => (RawMode & 0xF000) == 0x4000;
}
