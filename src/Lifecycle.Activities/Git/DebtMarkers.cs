using System.Text;

namespace Lifecycle.Activities.Git;

/// <summary>Counts TODO, FIXME and HACK markers as whole words in text.</summary>
internal static class DebtMarkers
{
    private static readonly byte[][] Markers = [.. new[] { "TODO", "FIXME", "HACK" }.Select(Encoding.ASCII.GetBytes)];

    public static int Count(ReadOnlySpan<byte> text)
    {
        var count = 0;
        foreach (var marker in Markers)
        {
            var offset = 0;
            while (offset < text.Length)
            {
                var found = text[offset..].IndexOf(marker);
                if (found < 0)
                {
                    break;
                }

                var start = offset + found;
                var end = start + marker.Length;
                if ((start == 0 || !IsWordByte(text[start - 1])) && (end == text.Length || !IsWordByte(text[end])))
                {
                    count++;
                }

                offset = end;
            }
        }

        return count;
    }

    private static bool IsWordByte(byte b) => b == '_' || char.IsAsciiLetterOrDigit((char)b);
}
