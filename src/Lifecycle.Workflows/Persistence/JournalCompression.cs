using System.IO.Compression;
using System.Text.Json;
using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// Journal segments are stored deflated: entries repeat their names and types, so a segment
/// shrinks about tenfold, stays within one database page and keeps commits small.
/// </summary>
internal static class JournalCompression
{
    public static byte[] Compress(IReadOnlyList<JournalEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            JsonSerializer.Serialize(deflate, entries, WorkflowJson.Options);
        }

        return buffer.ToArray();
    }

    public static IReadOnlyList<JournalEntry> Decompress(byte[] entries)
    {
        using var deflate = new DeflateStream(new MemoryStream(entries), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<JournalEntry>>(deflate, WorkflowJson.Options) ?? [];
    }
}
