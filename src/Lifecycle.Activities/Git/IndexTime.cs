namespace Lifecycle.Activities.Git;

/// <summary>Keeps libgit2's view of the index's racily clean entries the same as git's.</summary>
internal static class IndexTime
{
    /// <summary>
    /// Moves the index file's modification time back to the start of its second, before libgit2
    /// reads it, so that libgit2 treats as "racily clean" every entry git does.
    /// </summary>
    /// <remarks>
    /// git trusts an index entry whose cached size and mtime match the file on disk unless the entry
    /// is as new as the index file (then it compares content). git as Debian builds it compares whole
    /// seconds; libgit2 compares nanoseconds. A file added at S.1 and edited at S.3 to the same size,
    /// with the index written at S.2, is racy to git but not to libgit2, which then rewrote the index
    /// (new mtime) without smudging the entry, and git took the edit for the staged content: the
    /// change vanished from <c>git status</c> and a later stash would miss it. With the index's time
    /// at S.0, libgit2 finds the entry racy too and, when it writes the index, compares its content
    /// and smudges it as git would. Only ever moves the time back, which can only make git and
    /// libgit2 compare more content, never less; costs one stat and, at most, one utime call.
    /// </remarks>
    /// <param name="gitDirectory">The repository's git folder (a linked worktree's own folder holds its index).</param>
    public static void Truncate(string gitDirectory)
    {
        var index = new FileInfo(Path.Combine(gitDirectory, "index"));
        try
        {
            if (!index.Exists)
            {
                return;
            }

            var time = index.LastWriteTimeUtc;
            var second = new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            if (second != time)
            {
                index.LastWriteTimeUtc = second;
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A read-only repository: nothing will be written to its index either.
        }
    }
}
