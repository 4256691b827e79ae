using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Activities.Git;

/// <summary>Deletes Lifecycle's own temp files: <c>.lifecycle/*.tmp</c> and what is inside <c>.lifecycle/tmp/</c>.</summary>
/// <remarks>
/// Nothing outside those two places is touched, and never git, so it runs in manual mode too.
/// A file that cannot be deleted (in use) is left for the next session rather than failing the close.
/// </remarks>
[Activity("Git", "Deletes Lifecycle's temp files (.lifecycle/*.tmp and the contents of .lifecycle/tmp/) and nothing else; outputs 'removed' (count of files).",
    Outputs = ["removed"])]
public sealed class ClearTempFiles(ISessionStore sessions, RepositoryContext repository, TimeProvider time)
    : GitSessionActivityBase(sessions, repository, time)
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = await LoadAsync(context);
        var folder = Repository.StateFolder;
        var removed = 0;
        if (Directory.Exists(folder))
        {
            removed += Delete(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.TopDirectoryOnly));
        }

        var tmp = System.IO.Path.Combine(folder, "tmp");
        if (Directory.Exists(tmp) && new DirectoryInfo(tmp).LinkTarget is null)
        {
            removed += Empty(new DirectoryInfo(tmp));
        }

        context.SetOutput("removed", removed);
        context.Complete($"Removed {removed} temp files of session {session.SessionId}.");
    }

    private static int Delete(IEnumerable<string> files)
    {
        var count = 0;
        foreach (var file in files.Select(f => new FileInfo(f)).ToList())
        {
            // A link's attributes would be set on its target, which may be outside .lifecycle/.
            count += TryDelete(() =>
            {
                if (file.LinkTarget is null && file.IsReadOnly)
                {
                    file.IsReadOnly = false;
                }

                file.Delete();
            }) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Deletes what is inside <paramref name="folder"/>; a symbolic link is removed, never followed.</summary>
    private static int Empty(DirectoryInfo folder)
    {
        var count = 0;
        foreach (var entry in folder.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }).ToList())
        {
            if (entry is DirectoryInfo sub && entry.LinkTarget is null)
            {
                count += Empty(sub);
                TryDelete(() => sub.Delete());
            }
            else if (entry is DirectoryInfo link)
            {
                count += TryDelete(() => link.Delete()) ? 1 : 0;
            }
            else
            {
                count += Delete([entry.FullName]);
            }
        }

        return count;
    }

    private static bool TryDelete(Action delete)
    {
        try
        {
            delete();
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
