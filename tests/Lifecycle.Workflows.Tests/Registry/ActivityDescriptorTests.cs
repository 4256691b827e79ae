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

        var first = Enumerable.Range(0, 4).Select(_ => descriptor.Create(services)).Cast<NeedsAClock>().ToList();
        var byReflectionOnly = !descriptor.HasCompiledFactory;
        var later = Enumerable.Range(0, 8).Select(_ => descriptor.Create(services)).Cast<NeedsAClock>().ToList();

        Assert.True(byReflectionOnly);
        Assert.True(descriptor.HasCompiledFactory);
        Assert.All(first.Concat(later), a => Assert.Same(clock, a.Clock));
        Assert.Equal(12, first.Concat(later).Distinct().Count());
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

    [Fact]
    public void Create_OfATypeWithConstructorsTheFactoryCannotChooseBetween_KeepsBuildingByReflection()
    {
        var descriptor = new ActivityDescriptor(typeof(TwoWays), new ActivityAttribute("Test", "Two constructors."));
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(new FixedClock()).BuildServiceProvider();

        var built = Enumerable.Range(0, 10).Select(_ => descriptor.Create(services)).Cast<TwoWays>().ToList();

        Assert.False(descriptor.HasCompiledFactory);
        Assert.All(built, a => Assert.NotNull(a.Clock));
    }

    private sealed class TwoWays : Activity
    {
        public TwoWays(TimeProvider clock) => Clock = clock;

        public TwoWays(TimeProvider clock, IServiceProvider services) => Clock = services.GetService(typeof(TimeProvider)) as TimeProvider ?? clock;

        public TimeProvider? Clock { get; }

        public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
    }

    private sealed class NeedsAClock(TimeProvider clock) : Activity
    {
        public TimeProvider Clock { get; } = clock;

        public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
    }

    private sealed class FixedClock : TimeProvider;
}
