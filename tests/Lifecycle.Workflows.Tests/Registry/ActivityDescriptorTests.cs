using Lifecycle.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Workflows.Tests.Registry;

public class ActivityDescriptorTests
{
    [Fact]
    public void Create_GivesEachActivityItsServices_ByReflectionAndThenByTheCompiledFactory()
    {
        var descriptor = new ActivityDescriptor(typeof(NeedsAClock), new ActivityAttribute("Test", "Holds a clock."));
        var clock = new FixedClock();
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).BuildServiceProvider();

        // More creations than are done by reflection, so both ways of building are exercised.
        var built = Enumerable.Range(0, 12).Select(_ => descriptor.Create(services)).Cast<NeedsAClock>().ToList();

        Assert.All(built, a => Assert.Same(clock, a.Clock));
        Assert.Equal(built.Count, built.Distinct().Count());
    }

    [Fact]
    public async Task Create_FromManyThreadsAtOnce_BuildsEveryActivity()
    {
        var descriptor = new ActivityDescriptor(typeof(NeedsAClock), new ActivityAttribute("Test", "Holds a clock."));
        var clock = new FixedClock();
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).BuildServiceProvider();

        var built = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => (NeedsAClock)descriptor.Create(services))));

        Assert.All(built, a => Assert.Same(clock, a.Clock));
    }

    [Fact]
    public void Create_WithAServiceMissing_SaysWhichOne()
    {
        var descriptor = new ActivityDescriptor(typeof(NeedsAClock), new ActivityAttribute("Test", "Holds a clock."));
        using var services = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => descriptor.Create(services));

        Assert.Contains(nameof(TimeProvider), error.Message);
    }

    private sealed class NeedsAClock(TimeProvider clock) : Activity
    {
        public TimeProvider Clock { get; } = clock;

        public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
    }

    private sealed class FixedClock : TimeProvider;
}
