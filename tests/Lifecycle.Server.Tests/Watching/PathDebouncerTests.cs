using Lifecycle.Server.Watching;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Server.Tests.Watching;

public sealed class PathDebouncerTests : IDisposable
{
    private static readonly WatchingOptions Options = new() { Quiet = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(5) };

    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _flushed = [];
    private readonly PathDebouncer _debouncer;

    public PathDebouncerTests()
    {
        _debouncer = new PathDebouncer(Options, _time, path =>
        {
            lock (_flushed)
            {
                _flushed.Add(path);
            }
        });
    }

    [Fact]
    public void ABurstOfWrites_IsOneCall_AfterTheQuietWindow()
    {
        for (var save = 0; save < 50; save++)
        {
            _debouncer.Touch("src/app.cs");
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Empty(_flushed);
        _time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(["src/app.cs"], _flushed);
        Assert.Equal(0, _debouncer.Count);
    }

    [Fact]
    public void EachPath_HasItsOwnWindow()
    {
        _debouncer.Touch("a.txt");
        _time.Advance(TimeSpan.FromMilliseconds(300));
        _debouncer.Touch("b.txt");
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.Equal(["a.txt"], _flushed);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.Equal(["a.txt", "b.txt"], _flushed);
    }

    [Fact]
    public void APathWrittenWithoutPause_IsStillCalled_AfterTheLongestDelay()
    {
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(6); elapsed += TimeSpan.FromMilliseconds(100))
        {
            _debouncer.Touch("log.txt");
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Contains("log.txt", _flushed);
    }

    [Fact]
    public void Drain_ReturnsWhatWaits_AndCancelsItsCalls()
    {
        _debouncer.Touch("a.txt");

        Assert.Equal(["a.txt"], _debouncer.Drain());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(_flushed);
    }

    public void Dispose() => _debouncer.Dispose();
}
