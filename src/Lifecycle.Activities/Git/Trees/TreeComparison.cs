using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Trees;

/// <summary>
/// Compares two trees path by path, descending only into folders whose tree ids differ.
/// </summary>
/// <remarks>
/// libgit2's tree comparison walks every entry of both trees, identical folders included, and does
/// not cache tree objects over 4 KB: on 50,000 files in 2,000 folders it took 16 ms for a commit
/// that changed four files, on every fresh repository object. This reads only the folders that
/// differ (a handful of tree objects for a small change), from a cache shared by the process
/// (<see cref="TreeListing"/>). Same result as LibGit2Sharp's <c>Compare&lt;TreeChanges&gt;</c>
/// without renames (tests hold it to that): one change per path, files and links compared by id and
/// mode, submodules as entries, a file replaced by a folder as the file deleted and the folder's
/// files added.
/// </remarks>
internal static class TreeComparison
{
    private static readonly IReadOnlyDictionary<string, TreeItem> NoItems = new Dictionary<string, TreeItem>();

    /// <summary>The changed paths, sorted ordinally; null when a tree cannot be read this way (the caller asks libgit2).</summary>
    public static List<TreeChange>? Compare(NativeObjects objects, ObjectId? from, ObjectId? to)
    {
        var changes = new List<TreeChange>();
        if (!Walk(objects, from is null ? null : RawId.From(from), to is null ? null : RawId.From(to), "", changes))
        {
            return null;
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    private static bool Walk(NativeObjects objects, RawId? from, RawId? to, string prefix, List<TreeChange> into)
    {
        if (from == to)
        {
            return true;
        }

        var before = from is { } f ? TreeListing.Read(objects, f) : null;
        var after = to is { } t ? TreeListing.Read(objects, t) : null;
        if ((from is not null && before is null) || (to is not null && after is null))
        {
            return false;
        }

        var old = before?.Items ?? NoItems;
        var now = after?.Items ?? NoItems;
        foreach (var (name, was) in old)
        {
            var path = prefix + name;
            if (!now.TryGetValue(name, out var isNow))
            {
                if (!Gone(objects, was, path, into))
                {
                    return false;
                }

                continue;
            }

            if (was == isNow)
            {
                continue;
            }

            if (was.IsTree && isNow.IsTree)
            {
                if (!Walk(objects, was.Id, isNow.Id, path + "/", into))
                {
                    return false;
                }
            }
            else if (was.IsTree || isNow.IsTree)
            {
                if (!Gone(objects, was, path, into) || !Came(objects, isNow, path, into))
                {
                    return false;
                }
            }
            else
            {
                into.Add(new TreeChange(path, was.Id.ToObjectId(), was.Mode, isNow.Id.ToObjectId(), isNow.Mode));
            }
        }

        foreach (var (name, isNow) in now)
        {
            if (!old.ContainsKey(name) && !Came(objects, isNow, prefix + name, into))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Gone(NativeObjects objects, TreeItem was, string path, List<TreeChange> into)
    {
        if (was.IsTree)
        {
            return Walk(objects, was.Id, null, path + "/", into);
        }

        into.Add(new TreeChange(path, was.Id.ToObjectId(), was.Mode, null, Mode.Nonexistent));
        return true;
    }

    private static bool Came(NativeObjects objects, TreeItem isNow, string path, List<TreeChange> into)
    {
        if (isNow.IsTree)
        {
            return Walk(objects, null, isNow.Id, path + "/", into);
        }

        into.Add(new TreeChange(path, null, Mode.Nonexistent, isNow.Id.ToObjectId(), isNow.Mode));
        return true;
    }
}
