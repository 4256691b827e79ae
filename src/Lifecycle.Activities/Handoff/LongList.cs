using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// Keeps long lists in the Markdown documents to a bounded number of lines: a list of up to
/// <see cref="Limit"/> items is shown whole; a longer one is summarised (counts per folder and per
/// kind, its largest or its first and last items, and "… and N more"). The JSON keeps every item.
/// </summary>
/// <remarks>
/// A session that touched 3,044 untracked files once gave 45,958 lines of documents; the handoff is
/// read by a person or an agent taking over, who needs the shape of the work, not every path.
/// </remarks>
internal static class LongList
{
    /// <summary>A list with at most this many items is shown whole.</summary>
    public const int Limit = 25;

    /// <summary>A longer list in time order shows this many items at each end.</summary>
    public const int EndCount = 10;

    /// <summary>A longer list of files shows this many of them, those with the most lines changed first.</summary>
    public const int Largest = 20;

    /// <summary>At most this many folders are counted by name; the rest are summed.</summary>
    public const int Folders = 8;

    /// <summary>
    /// The lines of a list in time order (commits, errors): all of them, or the first and last
    /// <see cref="EndCount"/> around a line saying how many are left out and where they all are.
    /// </summary>
    /// <param name="items">The items, in order.</param>
    /// <param name="line">One item's line, given its index.</param>
    /// <param name="noun">What the items are, plural ("commits").</param>
    /// <param name="whereAll">Where every item is listed (a file name).</param>
    public static List<string> Ends<T>(IReadOnlyList<T> items, Func<T, int, string> line, string noun, string whereAll)
    {
        if (items.Count <= Limit)
        {
            return [.. items.Select(line)];
        }

        var lines = items.Take(EndCount).Select(line).ToList();
        lines.Add($"- … {items.Count - 2 * EndCount} more {noun} (all {items.Count} are in {whereAll}) …");
        lines.AddRange(items.Select(line).Skip(items.Count - EndCount));
        return lines;
    }

    /// <summary>
    /// The lines of a file list: all of them in path order, or counts by folder and by kind, the
    /// <see cref="Largest"/> files with the most lines changed, and how many more there are.
    /// </summary>
    public static List<string> Files(IReadOnlyList<HandoffFile> files, Func<HandoffFile, string> line, string whereAll)
    {
        if (files.Count <= Limit)
        {
            return [.. files.Select(line)];
        }

        var lines = new List<string> { $"- By folder: {ByFolder(files.Select(f => f.Path))}" };
        if (ByKind(files.Select(f => f.Kind)) is { } kinds)
        {
            lines.Add($"- By kind: {kinds}");
        }

        lines.Add($"- The {Largest} with the most lines changed:");
        lines.AddRange(files
            .OrderByDescending(f => f.Lines).ThenBy(f => f.Path, StringComparer.Ordinal)
            .Take(Largest)
            .Select(f => "  " + line(f)));
        lines.Add($"- … and {files.Count - Largest} more (all {files.Count} are in {whereAll})");
        return lines;
    }

    /// <summary>"a, b, c" or, past <paramref name="shown"/> names, "a, b, c, and 12 more".</summary>
    public static string Names(IReadOnlyCollection<string> names, int shown = EndCount)
    {
        var named = string.Join(", ", names.Take(shown).Select(DocText.OneLine));
        return names.Count > shown ? $"{named}, and {names.Count - shown} more" : named;
    }

    /// <summary>
    /// How many paths each folder holds, most first: <c>src/ 2010, tests/ 1000, top level 34</c>.
    /// Counted by top folder, one level deeper while a single folder holds them all.
    /// </summary>
    public static string ByFolder(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        var depth = 1;
        var groups = Group(list, depth);
        while (groups.Count == 1 && groups[0].Key.Length > 0 && depth < 4)
        {
            var deeper = Group(list, depth + 1);
            if (deeper.Count == 1 && deeper[0].Key == groups[0].Key)
            {
                break;
            }

            depth++;
            groups = deeper;
        }

        var named = groups.Take(Folders).Select(g => $"{(g.Key.Length == 0 ? "top level" : g.Key)} {g.Count}");
        var rest = groups.Skip(Folders).ToList();
        var others = rest.Count == 0 ? "" : $", {rest.Sum(g => g.Count)} in {DocText.Count(rest.Count, "other folder")}";
        return string.Join(", ", named) + others;
    }

    /// <summary>How many files each known kind of change has, most first (<c>untracked 3000, modified 44</c>); null when no kind is known.</summary>
    public static string? ByKind(IEnumerable<FileChangeKind> kinds)
    {
        var counted = kinds.GroupBy(k => k)
            .Select(g => (Kind: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Kind)
            .ToList();
        return counted.All(g => g.Kind == FileChangeKind.Unknown)
            ? null
            : string.Join(", ", counted.Select(g => $"{DocText.Kind(g.Kind)} {g.Count}"));
    }

    // The folder of a path down to depth segments ("src/api/"), or "" for a file above that depth.
    private static List<(string Key, int Count)> Group(List<string> paths, int depth) =>
        [.. paths
            .Select(p => p.Split('/'))
            .Select(parts => parts.Length > depth ? string.Join('/', parts.Take(depth)) + "/" : parts.Length > 1 ? string.Join('/', parts[..^1]) + "/" : "")
            .GroupBy(folder => folder, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];
}
