using System.Globalization;
using Lifecycle.Activities.Prediction;

/// <summary>
/// Reads a history TSV (commit, author, time with offset, files, added, deleted, subject; a header
/// line; oldest first). Empty added/deleted (a commit whose contents the snapshot lacked) count 0.
/// </summary>
internal static class HistoryFile
{
    private const string Header = "commit\tauthor\ttime";

    /// <summary>The commits of <paramref name="path"/>; throws <see cref="FormatException"/> naming the line for anything malformed.</summary>
    public static List<CommitFact> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file; give the path of a history TSV (see /work/shared/data/histories/README.md).");
        }

        var commits = new List<CommitFact>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (number == 1)
            {
                if (!line.StartsWith(Header, StringComparison.Ordinal))
                {
                    throw new FormatException($"{path}:1: the header must start with 'commit<TAB>author<TAB>time', found '{Cut(line)}'.");
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            commits.Add(Parse(path, number, line));
        }

        return commits;
    }

    private static CommitFact Parse(string path, int number, string line)
    {
        var fields = line.Split('\t');
        if (fields.Length < 6)
        {
            throw new FormatException($"{path}:{number}: expected 7 tab-separated columns (commit, author, time, files, added, deleted, subject), found {fields.Length}: '{Cut(line)}'.");
        }

        if (!HasOffset(fields[2]) || !DateTimeOffset.TryParse(fields[2], CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
        {
            throw new FormatException($"{path}:{number}: the time '{Cut(fields[2])}' is not ISO 8601 with an offset (e.g. 2013-05-05T15:33:58+10:00).");
        }

        return new CommitFact(fields[1], when, Count(path, number, "added", fields[4]) + Count(path, number, "deleted", fields[5]));
    }

    private static int Count(string path, int number, string column, string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new FormatException($"{path}:{number}: '{column}' must be a whole number or empty, found '{Cut(text)}'.");
    }

    // Without an offset the time would be read in this machine's zone, and sessions would depend on where the benchmark runs.
    private static bool HasOffset(string time) =>
        time.EndsWith('Z') || (time.Length > 6 && time[^6] is '+' or '-' && time[^3] == ':');

    private static string Cut(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
