using System.Text;

namespace Lifecycle.Activities.Tracking;

/// <summary>What one claimed spool holds past its offset.</summary>
/// <param name="File">The claimed spool.</param>
/// <param name="Lines">Each complete line with its byte offset in the file, without its newline.</param>
/// <param name="Fragments">Unfinished last lines given up on (the file is past the grace): what a crash cut short.</param>
/// <param name="LastWrite">When the file was last written: the time of a line whose clock cannot be read.</param>
/// <param name="Progress">How far the file is delivered once the batch completes.</param>
internal sealed record SpoolRead(ClaimedSpool File, IReadOnlyList<(long Offset, string Text)> Lines, int Fragments, DateTimeOffset LastWrite, SpoolProgress Progress)
{
    /// <summary>The lines of <paramref name="file"/> past its offset; null when it cannot be read now (left for a later claim).</summary>
    public static SpoolRead? Of(ClaimedSpool file, DateTimeOffset now)
    {
        byte[] bytes;
        DateTimeOffset lastWrite;
        try
        {
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(file.Offset, SeekOrigin.Begin);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
            lastWrite = new DateTimeOffset(System.IO.File.GetLastWriteTimeUtc(file.Path), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // Lines end with '\n'. After the last one there may be a hook's write in progress (delivered
        // by a later claim) or, once no hook can be writing, what a crash cut short (skipped).
        var expired = now - file.ClaimedAt >= EventSpool.LateWriteGrace;
        var end = expired ? bytes.Length : Array.LastIndexOf(bytes, (byte)'\n') + 1;
        var lines = new List<(long, string)>();
        var fragments = 0;
        for (var start = 0; start < end;)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', start, end - start);
            var stop = newline < 0 ? end : newline;
            if (stop > start)
            {
                if (newline < 0)
                {
                    fragments++;
                }
                else
                {
                    lines.Add((file.Offset + start, Encoding.UTF8.GetString(bytes, start, stop - start)));
                }
            }

            start = stop + 1;
        }

        return new SpoolRead(file, lines, fragments, lastWrite, new SpoolProgress(file, file.Offset + end, expired));
    }
}
