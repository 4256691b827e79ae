namespace Lifecycle.Benchmarks.Dashboard;

/// <summary>
/// The engine's clock while seeding: set to each instance's start, then a few milliseconds later at
/// every reading, so instances spread over months and their steps take time.
/// </summary>
public sealed class SeedClock(DateTimeOffset start) : TimeProvider
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(7);

    private DateTimeOffset _now = start;

    public void Set(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now += Tick;
}
