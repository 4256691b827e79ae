namespace Lifecycle.Activities.Git.Stashing;

/// <summary>The index file's entry flags, read before LibGit2Sharp changes the index and set again after it writes it (it drops them on the entries it writes).</summary>
internal static class IndexFlagFile
{
    /// <summary>The index entries with flags (<see cref="IndexEntryFlags"/>); none known when libgit2 cannot be reached directly.</summary>
    /// <param name="gitDirectory">The repository's git folder (a linked worktree's own, which holds its index).</param>
    public static Dictionary<string, IndexEntryFlags> Read(string gitDirectory)
    {
        using var index = NativeIndex.Open(Path.Combine(gitDirectory, "index"));
        return index?.Flagged() ?? new Dictionary<string, IndexEntryFlags>(StringComparer.Ordinal);
    }

    /// <summary>
    /// Gives these entries exactly these flags (making intent-to-add entries that are missing) and
    /// writes the index when anything changed.
    /// </summary>
    /// <param name="gitDirectory">The repository's git folder.</param>
    /// <param name="flags">The flags by path.</param>
    /// <param name="executable">Whether a path's file is executable, for an intent-to-add entry made anew.</param>
    /// <returns>The paths whose flags could not be set (all of them when the index cannot be opened or written), sorted.</returns>
    public static List<string> Set(string gitDirectory, IEnumerable<KeyValuePair<string, IndexEntryFlags>> flags, Func<string, bool> executable)
    {
        var wanted = flags.ToList();
        if (wanted.Count == 0)
        {
            return [];
        }

        List<string> All() => [.. wanted.Select(f => f.Key).Order(StringComparer.Ordinal)];
        using var index = NativeIndex.Open(Path.Combine(gitDirectory, "index"));
        if (index is null)
        {
            return All();
        }

        var failed = new List<string>();
        var changed = false;
        foreach (var (path, flag) in wanted)
        {
            if (index.FlagsAt(path) == flag)
            {
                continue;
            }

            if (index.Set(path, flag, executable(path)))
            {
                changed = true;
            }
            else
            {
                failed.Add(path);
            }
        }

        return !changed || index.Write() ? [.. failed.Order(StringComparer.Ordinal)] : All();
    }
}
