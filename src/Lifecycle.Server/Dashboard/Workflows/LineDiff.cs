namespace Lifecycle.Server.Dashboard.Workflows;

/// <summary>
/// A line diff of two texts by longest common subsequence, for comparing two versions of a workflow.
/// </summary>
/// <remarks>
/// Written here rather than taken from DiffPlex (served, well kept): a definition is a hand-written
/// file of a few hundred lines, the whole job is 60 lines of code, and no package has to be added to
/// the central package list for it. The common head and tail are cut off first (versions usually
/// differ in a few places), then the middle is solved by dynamic programming; a middle larger than
/// <see cref="MaxCells"/> cells (two unrelated files of thousands of lines) is shown as removed
/// then added, which is still a correct diff, only not the shortest.
/// </remarks>
public static class LineDiff
{
    /// <summary>The most table cells the dynamic programming may use (about 16 MB).</summary>
    public const int MaxCells = 4_000_000;

    /// <summary>The lines of <paramref name="left"/> and <paramref name="right"/> as kept, removed and added, in order.</summary>
    public static IReadOnlyList<DiffLine> Compare(string left, string right) => Compare(Lines(left), Lines(right));

    /// <summary>The diff of two lists of lines (compared ordinally).</summary>
    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        var head = 0;
        while (head < left.Count && head < right.Count && left[head] == right[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < left.Count - head && tail < right.Count - head && left[left.Count - 1 - tail] == right[right.Count - 1 - tail])
        {
            tail++;
        }

        var result = new List<DiffLine>(left.Count + right.Count);
        for (var i = 0; i < head; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, left[i], i + 1, i + 1));
        }

        Middle(left, right, head, left.Count - tail, right.Count - tail, result);
        for (var i = tail; i > 0; i--)
        {
            result.Add(new DiffLine(DiffKind.Same, left[left.Count - i], left.Count - i + 1, right.Count - i + 1));
        }

        return result;
    }

    /// <summary>
    /// The diff as rows of two columns: a kept line on both sides, and each run of removed lines beside
    /// the run of added lines that replaces it, so unchanged lines stay aligned across the columns.
    /// </summary>
    public static IReadOnlyList<DiffRow> SideBySide(IReadOnlyList<DiffLine> lines)
    {
        var rows = new List<DiffRow>(lines.Count);
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Kind == DiffKind.Same)
            {
                rows.Add(new DiffRow(lines[i], lines[i]));
                i++;
                continue;
            }

            var removed = new List<DiffLine>();
            var added = new List<DiffLine>();
            for (; i < lines.Count && lines[i].Kind != DiffKind.Same; i++)
            {
                (lines[i].Kind == DiffKind.Removed ? removed : added).Add(lines[i]);
            }

            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                rows.Add(new DiffRow(k < removed.Count ? removed[k] : null, k < added.Count ? added[k] : null));
            }
        }

        return rows;
    }

    /// <summary>Splits on \n, \r\n or \r; an empty text has no line, and a final line break makes no extra empty line.</summary>
    public static IReadOnlyList<string> Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        return lines[^1].Length == 0 ? lines[..^1] : lines;
    }

    private static void Middle(IReadOnlyList<string> left, IReadOnlyList<string> right, int start, int leftEnd, int rightEnd, List<DiffLine> result)
    {
        int n = leftEnd - start, m = rightEnd - start;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = start; i < leftEnd; i++) result.Add(new DiffLine(DiffKind.Removed, left[i], i + 1, null));
            for (var j = start; j < rightEnd; j++) result.Add(new DiffLine(DiffKind.Added, right[j], null, j + 1));
            return;
        }

        // common[i, j]: the length of the longest common subsequence of left[i..] and right[j..].
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                common[i, j] = left[start + i] == right[start + j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && left[start + x] == right[start + y])
            {
                result.Add(new DiffLine(DiffKind.Same, left[start + x], start + x + 1, start + y + 1));
                x++;
                y++;
            }
            else if (y == m || (x < n && common[x + 1, y] >= common[x, y + 1]))
            {
                // Removals before additions, so a changed line reads as "-old" then "+new".
                result.Add(new DiffLine(DiffKind.Removed, left[start + x], start + x + 1, null));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, right[start + y], null, start + y + 1));
                y++;
            }
        }
    }
}
