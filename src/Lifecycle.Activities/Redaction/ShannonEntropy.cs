namespace Lifecycle.Activities.Redaction;

/// <summary>
/// Bits per character of a text's own character distribution: random tokens score high (a base62
/// key of 32 characters about 4.5), words, numbers and placeholders low (<c>changeme</c> 2.75).
/// </summary>
public static class ShannonEntropy
{
    /// <summary>The entropy of <paramref name="text"/> in bits per character; 0 for an empty text.</summary>
    public static double Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / text.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
