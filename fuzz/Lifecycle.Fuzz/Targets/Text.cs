using System.Text;

namespace Lifecycle.Fuzz.Targets;

/// <summary>Bytes to text the way the product reads its files (File.ReadAllText: UTF-8, a byte-order mark honoured).</summary>
internal static class Text
{
    public static string Decode(byte[] input)
    {
        using var reader = new StreamReader(new MemoryStream(input), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
