using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

/// <summary>A work-tree file stored as a blob of its exact bytes.</summary>
/// <param name="Blob">The stored bytes (a symbolic link's target for a link).</param>
/// <param name="Mode">The mode recorded for it.</param>
/// <param name="FilterNeutral">
/// True when git's built-in clean filters cannot change these bytes (no carriage return for the
/// end-of-line conversions, no <c>$Id</c> for <c>ident</c>), so the blob is also what <c>git add</c>
/// would store and can be measured against HEAD as it is.
/// </param>
internal sealed record StoredFile(Blob Blob, Mode Mode, bool FilterNeutral)
{
    /// <summary>The file's modification time when it was read; what tells a change to a file too large to read twice.</summary>
    public DateTime? LastWriteUtc { get; init; }
}
