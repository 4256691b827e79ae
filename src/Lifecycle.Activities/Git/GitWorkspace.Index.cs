using LibGit2Sharp;

namespace Lifecycle.Activities.Git;

public sealed partial class GitWorkspace
{
    /// <summary>Never smudged: a racy edit cannot keep an empty blob's size (0), and intent-to-add entries must keep their flag.</summary>
    private static readonly ObjectId EmptyBlob = new("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");

    /// <summary>
    /// Writes the index, first making git compare content for every entry that could be "racily
    /// clean".
    /// </summary>
    /// <remarks>
    /// git trusts an index entry whose cached size and mtime match the file on disk, unless the
    /// entry is as new as the index file itself (then it compares content). A file edited after
    /// <c>git add</c> within the same clock tick keeps the staged size and mtime; once the index is
    /// rewritten later, the entry is no longer as new as the index and git would take the edit for
    /// the staged content: <c>git status</c> hides the change, <c>git diff --cached</c> shows the
    /// work tree's bytes. git smudges such entries when it writes an index; libgit2 does not
    /// reliably, so this does: each entry whose file is at least as new as the index (to the second)
    /// is re-added with the same blob and no cached stat, and git and libgit2 re-read its content
    /// next time. Entries in <paramref name="written"/> were just added by blob and have no stat.
    /// </remarks>
    /// <param name="written">Paths already added by blob in this operation.</param>
    private void WriteIndex(IReadOnlySet<string> written)
    {
        var indexFile = new FileInfo(Path.Combine(_repo.Info.Path, "index"));
        if (indexFile.Exists)
        {
            var stamp = indexFile.LastWriteTimeUtc;
            var racyFrom = new DateTime(stamp.Ticks - (stamp.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
            var racy = _repo.Index
                .Where(entry => entry.StageLevel == StageLevel.Staged
                    && entry.Mode != Mode.GitLink
                    && !entry.AssumeUnchanged
                    && entry.Id != EmptyBlob
                    && !written.Contains(entry.Path)
                    && ChangedSince(entry.Path, racyFrom))
                .Select(entry => (entry.Path, entry.Id, entry.Mode))
                .ToList();
            foreach (var (path, id, mode) in racy)
            {
                if (_repo.Lookup<Blob>(id) is { } blob)
                {
                    _repo.Index.Add(blob, path, mode);
                }
            }
        }

        _repo.Index.Write();
    }

    private bool ChangedSince(string path, DateTime since)
    {
        var info = new FileInfo(WorkTreeFile.FullPath(Root, path));
        return (info.Exists || info.LinkTarget is not null) && info.LastWriteTimeUtc >= since;
    }
}
