namespace Lifecycle.Activities.Redaction;

/// <summary>A text with its secrets replaced, and how many of each kind were (never the secrets themselves).</summary>
/// <param name="Text">The redacted text; the input itself when nothing was found.</param>
/// <param name="Counts">How many secrets of each kind (e.g. <c>github-token</c>) were replaced, by kind.</param>
public sealed record RedactionResult(string Text, IReadOnlyDictionary<string, int> Counts)
{
    /// <summary>How many secrets were replaced in all.</summary>
    public int Total => Counts.Values.Sum();

    /// <summary>"2 (aws-access-key 1, github-token 1)", or "none".</summary>
    public static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none"
        : $"{counts.Values.Sum()} ({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))})";

    /// <summary>The counts of several results added up.</summary>
    public static IReadOnlyDictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts)
    {
        var sum = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in counts.SelectMany(c => c))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }
}
