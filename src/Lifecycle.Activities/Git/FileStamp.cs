namespace Lifecycle.Activities.Git;

/// <summary>What a path in the work tree looked like (kind, length, modification time): two stamps differ when it was written in between.</summary>
/// <remarks>
/// The file system's clock ticks every few milliseconds, so a rewrite to the same length within one
/// tick can go unseen; it is what git itself relies on, and it catches an editor's save.
/// </remarks>
internal readonly record struct FileStamp(bool Exists, bool IsFolder, bool IsLink, long Length, DateTime LastWriteUtc)
{
    public static FileStamp Of(string full)
    {
        var file = new FileInfo(full);
        if (file.Exists)
        {
            return new FileStamp(true, false, file.LinkTarget is not null, file.Length, file.LastWriteTimeUtc);
        }

        var folder = new DirectoryInfo(full);
        return folder.Exists
            ? new FileStamp(true, true, folder.LinkTarget is not null, 0, folder.LastWriteTimeUtc)
            : default;
    }
}
