using Lifecycle.Activities.State;

namespace Lifecycle.Activities.Tests.State;

public class FolderSyncTests
{
    [Fact]
    public void HoldersUpTo_ListsEachFolderFromTheFilesUpToTheRootOnce_AndNothingOutsideIt()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        string[] files =
        [
            Path.Combine(root, "src", "deep", "a.txt"),
            Path.Combine(root, "src", "b.txt"),
            Path.Combine(root, "c.txt"),
            Path.Combine(root + "2", "elsewhere.txt"), // a sibling whose name starts like the root's
            Path.Combine(root, "src", "deep", "d.txt"),
        ];

        var folders = FolderSync.HoldersUpTo(root + Path.DirectorySeparatorChar, files).ToList();

        Assert.Equal([Path.Combine(root, "src", "deep"), Path.Combine(root, "src"), root], folders);
    }

    [Fact]
    public void Flush_FlushesEachFolderThatExistsOnce_AndSkipsMissingOnes()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-sync-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "sub"));

            var flushed = FolderSync.Flush([folder, folder, Path.Combine(folder, "missing"), Path.Combine(folder, "sub")]);

            Assert.Equal(OperatingSystem.IsLinux() ? 2 : 0, flushed);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
