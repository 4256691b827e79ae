using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Tests.Support;

namespace Lifecycle.Workflows.Tests.Persistence;

public class PublishRaceTests
{
    [Fact]
    public async Task Publish_SameNewContentFromTwoStoresOnOneFileAtOnce_StoresOneVersion()
    {
        using var db = new TempDatabase();
        await using var one = db.Store();
        await using var two = db.Store();
        await one.InitializeAsync(default);

        for (var round = 1; round <= 20; round++)
        {
            var json = $$"""{ "id": "raced", "root": { "type": "Log", "message": "round {{round}}" } }""";
            var (first, second) = await BothAtOnce(
                () => one.PublishAsync(Readers.Create().Read(json), default),
                () => two.PublishAsync(Readers.Create().Read(json), default));

            Assert.Equal(1, new[] { first.Created, second.Created }.Count(created => created));
            Assert.Equal((round, round), (first.Definition.Version, second.Definition.Version));
            Assert.Equal(round, (await one.ListVersionsAsync("raced", default)).Count);
        }
    }

    /// <summary>Runs both on their own threads, released together.</summary>
    private static async Task<(T, T)> BothAtOnce<T>(Func<Task<T>> a, Func<Task<T>> b)
    {
        using var start = new Barrier(2);
        var first = Task.Factory.StartNew(() => { start.SignalAndWait(); return a(); }, TaskCreationOptions.LongRunning).Unwrap();
        var second = Task.Factory.StartNew(() => { start.SignalAndWait(); return b(); }, TaskCreationOptions.LongRunning).Unwrap();
        return (await first, await second);
    }
}
