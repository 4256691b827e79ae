using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Tests.Tracking;

public class SpoolClockTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly LifecyclePaths _paths = LifecyclePaths.For(Directory.CreateTempSubdirectory("lifecycle-clock-").FullName);

    public SpoolClockTests() => Directory.CreateDirectory(_paths.EventsFolder);

    [Fact]
    public void Resolve_ALineOfThisBoot_IsNowLessTheUptimeElapsedSince()
    {
        var clock = new SpoolClock(_paths, Now, new BootTime("this-boot", 1000.50m));

        Assert.Equal(Now - TimeSpan.FromSeconds(90.25), clock.Resolve("this-boot+910.25"));
        Assert.Equal(Now, clock.Resolve("this-boot+1000.51"));
    }

    [Fact]
    public void Resolve_ALineOfAnEarlierBoot_UsesThatBootsAnchor()
    {
        File.WriteAllText(Path.Combine(_paths.EventsFolder, "clock.old-boot"), "50.00 1700000000.250000000\n");
        var clock = new SpoolClock(_paths, Now, new BootTime("this-boot", 10m));

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700000010_250), clock.Resolve("old-boot+60.00"));
    }

    [Fact]
    public void Resolve_AnAnchorWithoutNanoseconds_CountsWholeSeconds()
    {
        File.WriteAllText(Path.Combine(_paths.EventsFolder, "clock.old-boot"), "50.00 1700000000.%N\n");
        var clock = new SpoolClock(_paths, Now, null);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000001), clock.Resolve("old-boot+51"));
    }

    [Fact]
    public void Resolve_ALineOfAnEarlierBootWithoutAnchor_IsUnknown()
    {
        var clock = new SpoolClock(_paths, Now, new BootTime("this-boot", 10m));

        Assert.Null(clock.Resolve("old-boot+60.00"));
    }

    [Theory]
    [InlineData("@1740819600", 1740819600)]
    [InlineData("@0", 0)]
    public void Resolve_TheWallClock_IsTakenAsItIs(string token, long unix)
    {
        var clock = new SpoolClock(_paths, Now, null);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(unix), clock.Resolve(token));
    }

    [Fact]
    public void Resolve_AWallClockPastTheYear9999_IsUnknown()
    {
        Assert.Null(new SpoolClock(_paths, Now, null).Resolve("@99999999999999"));
    }

    [Fact]
    public void ForgetOtherBoots_KeepsOnlyThisBootsAnchor()
    {
        File.WriteAllText(Path.Combine(_paths.EventsFolder, "clock.old-boot"), "1 2\n");
        File.WriteAllText(Path.Combine(_paths.EventsFolder, "clock.this-boot"), "1 2\n");
        File.WriteAllText(Path.Combine(_paths.EventsFolder, "lock"), "");

        new SpoolClock(_paths, Now, new BootTime("this-boot", 10m)).ForgetOtherBoots();

        Assert.Equal(["clock.this-boot", "lock"], Directory.EnumerateFiles(_paths.EventsFolder).Select(Path.GetFileName).Order());
    }

    public void Dispose() => Directory.Delete(_paths.Root, recursive: true);
}
