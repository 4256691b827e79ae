using Lifecycle.Activities.Git;
using Lifecycle.Activities.Git.Stashing;

namespace Lifecycle.Activities.Tests.Git;

public class StashNotesTests
{
    [Fact]
    public void Modes_ReadsOnlyWellFormedLines()
    {
        var modes = StashNotes.Modes("untracked files on main: abc1234 x\n\nlifecycle-mode\nlifecycle-mode \nlifecycle-mode 9 a\nlifecycle-mode 600 .env\nlifecycle-mode 600 \nlifecycle-mode 0400 keys/id key\nlifecycle-mode 700 keys/\n");

        Assert.Equal(3, modes.Count);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, modes[".env"]);
        Assert.Equal(UnixFileMode.UserRead, modes["keys/id key"]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, modes["keys/"]);
    }

    [Fact]
    public void Flags_RoundTripThroughTheirLines_AndUnknownNamesAreIgnored()
    {
        var lines = StashNotes.FlagLines(new Dictionary<string, IndexEntryFlags>
        {
            ["sparse/a b.txt"] = IndexEntryFlags.SkipWorktree | IndexEntryFlags.AssumeUnchanged,
            ["new.txt"] = IndexEntryFlags.IntentToAdd,
            ["plain.txt"] = IndexEntryFlags.None,
            ["two\nlines"] = IndexEntryFlags.SkipWorktree,
        });

        Assert.Equal("lifecycle-flags intent-to-add new.txt\nlifecycle-flags assume-unchanged,skip-worktree sparse/a b.txt\n", lines);
        var flags = StashNotes.Flags("On main: x\n\n" + lines + "lifecycle-flags fsmonitor-valid other.txt\n");
        Assert.Equal(2, flags.Count);
        Assert.Equal(IndexEntryFlags.SkipWorktree | IndexEntryFlags.AssumeUnchanged, flags["sparse/a b.txt"]);
        Assert.Equal(IndexEntryFlags.IntentToAdd, flags["new.txt"]);
    }
}
