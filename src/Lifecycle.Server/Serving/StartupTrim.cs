using System.Runtime;
using Microsoft.Extensions.Hosting;

namespace Lifecycle.Server.Serving;

/// <summary>
/// Gives the memory the server's start-up used back to the system once it has started: one full,
/// compacting collection that also returns the freed heap (the migrations check, the definitions
/// read, the hosts' and Quartz's set-up are garbage by then). An idle server then holds what it
/// runs on rather than its start's peak (docs/PERFORMANCE.md §4).
/// </summary>
internal sealed class StartupTrim(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Off the start's path: the server answers while it runs.
        lifetime.ApplicationStarted.Register(() => ThreadPool.UnsafeQueueUserWorkItem(_ => Trim(), null));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Trim()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
