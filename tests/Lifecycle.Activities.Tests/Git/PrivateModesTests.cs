using Lifecycle.Activities.Git;

namespace Lifecycle.Activities.Tests.Git;

public class PrivateModesTests
{
    [Fact]
    public void Parse_ReadsOnlyWellFormedLines()
    {
        var modes = PrivateModes.Parse("untracked files on main: abc1234 x\n\nlifecycle-mode\nlifecycle-mode \nlifecycle-mode 9 a\nlifecycle-mode 600 .env\nlifecycle-mode 600 \nlifecycle-mode 0400 keys/id key\n");

        Assert.Equal(2, modes.Count);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, modes[".env"]);
        Assert.Equal(UnixFileMode.UserRead, modes["keys/id key"]);
    }
}
