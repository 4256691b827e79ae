using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Workflows.Tests.Hosting;

public class ProcessOwnerTests
{
    [Fact]
    public void Current_NamesThisMachineAndProcess_AndIsAlive()
    {
        var parts = ProcessOwner.Current.Split(':');

        Assert.Equal(3, parts.Length);
        Assert.Equal(Environment.MachineName, parts[0]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        Assert.True(ProcessOwner.IsAlive(ProcessOwner.Current));
    }

    [Fact]
    public void IsAlive_ProcessIdThatDoesNotExist_IsFalse()
    {
        Assert.False(ProcessOwner.IsAlive($"{Environment.MachineName}:999999:1"));
    }

    [Fact]
    public void IsAlive_ThisProcessIdWithAnotherStartTime_IsFalse()
    {
        Assert.False(ProcessOwner.IsAlive($"{Environment.MachineName}:{Environment.ProcessId}:1"));
    }

    [Fact]
    public void IsAlive_AnotherMachine_IsAssumedTrue()
    {
        Assert.True(ProcessOwner.IsAlive("some-other-machine:1:1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a:b")]
    public void IsAlive_MissingOrMalformedOwner_IsFalse(string? owner)
    {
        Assert.False(ProcessOwner.IsAlive(owner));
    }

    [Fact]
    public async Task IsAlive_AnotherLiveProcess_IsTrueUntilItEnds()
    {
        using var child = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var owner = ProcessOwner.Describe(child.Id);

        Assert.NotNull(owner);
        Assert.Equal(owner, ProcessOwner.Describe(child.Id));
        Assert.True(ProcessOwner.IsAlive(owner));

        child.Kill();
        await child.WaitForExitAsync();

        Assert.False(ProcessOwner.IsAlive(owner));
    }
}
