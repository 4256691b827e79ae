using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Sessions;
using Lifecycle.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lifecycle.Server.Tests.Sessions;

/// <summary>Events recorded concurrently through the application layer of a running server.</summary>
public sealed class ConcurrentEventsTests(ITestOutputHelper output) : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task AThousandConcurrentRecordEventCalls_AreAllStored_InFarFewerTransactions()
    {
        var start = await _server.Cli.RunAsync("start");
        Assert.True(start.ExitCode == 0, start.ToString());
        var service = _server.Services.GetRequiredService<SessionService>();
        var writer = _server.Services.GetRequiredService<EventWriter>();
        var before = writer.Transactions;

        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 1000).Select(i => Task.Run(() =>
            service.RecordEventAsync(new EventRequest(SessionEventTypes.FileModified, new JsonObject { ["path"] = $"src/file{i}.cs" }), default))));
        clock.Stop();

        var stored = (await new SqliteSessionStore(_server.Paths.Database).GetEventsAsync("00001", default))
            .Where(e => e.Type == SessionEventTypes.FileModified).ToList();
        var transactions = writer.Transactions - before;
        output.WriteLine($"1,000 events in {clock.ElapsedMilliseconds} ms, {transactions} transactions");
        Assert.All(outcomes, o => Assert.NotNull(o.Recorded));
        Assert.Equal(1000, stored.Count);
        Assert.Equal(1000, stored.Select(e => e.Data!["path"]!.GetValue<string>()).Distinct().Count());
        Assert.True(transactions <= 250, $"{transactions} transactions for 1,000 events");
    }

    public void Dispose() => _server.Dispose();
}
