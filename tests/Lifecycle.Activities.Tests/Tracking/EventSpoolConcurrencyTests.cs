using System.Collections.Concurrent;
using System.Diagnostics;
using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Tests.Tracking;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class EventSpoolConcurrencyTests
{
    private const int Commits = 25;
    private const int HookWriters = 3;
    private const int CallsPerWriter = 40;

    [Fact]
    public async Task ManyHooksAppending_WhileTwoIngestersClaim_LoseNoLineAndDoubleNone()
    {
        using var hooked = new HookedRepository();
        hooked.Repo.Write("a.txt", "a\n");
        hooked.Repo.CommitAll("add a");
        await hooked.IngestAsync();
        var hook = Path.Combine(hooked.Repo.Path, ".git", "hooks", "post-checkout");

        // Real commits in a loop, and post-checkout hooks run side by side, each with its own 'to'.
        var writers = new List<Process>
        {
            Start(hooked.Repo.Path, $"i=0; while [ $i -lt {Commits} ]; do git commit -q --allow-empty -m c$i || exit 1; i=$((i+1)); done"),
        };
        for (var w = 0; w < HookWriters; w++)
        {
            writers.Add(Start(hooked.Repo.Path, $"i=0; while [ $i -lt {CallsPerWriter} ]; do {hook} from w{w}-$i 1 || exit 1; i=$((i+1)); done"));
        }

        var delivered = new ConcurrentQueue<SpooledEvent>();
        var ingesters = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (writers.Any(w => !w.HasExited))
            {
                await Ingest(hooked, delivered);
            }
        })).ToList();
        await Task.WhenAll(ingesters);
        foreach (var writer in writers)
        {
            await writer.WaitForExitAsync();
            Assert.True(writer.ExitCode == 0, await writer.StandardError.ReadToEndAsync());
        }

        await Ingest(hooked, delivered);

        var commits = hooked.Repo.Git("rev-list", "--max-count", Commits.ToString(), "HEAD").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var recordedCommits = delivered.Where(e => e.Details["hook"]!.GetValue<string>() == "post-commit").Select(e => e.Details["sha"]!.GetValue<string>()).ToList();
        Assert.Equal(commits.Order(), recordedCommits.Order());
        var expectedSwitches = Enumerable.Range(0, HookWriters).SelectMany(w => Enumerable.Range(0, CallsPerWriter).Select(i => $"w{w}-{i}"));
        var recordedSwitches = delivered.Where(e => e.Details["hook"]!.GetValue<string>() == "post-checkout").Select(e => e.Details["to"]!.GetValue<string>()).ToList();
        Assert.Equal(expectedSwitches.Order(), recordedSwitches.Order());
        Assert.Equal(delivered.Count, delivered.Select(e => e.Id).Distinct().Count());
    }

    private static async Task Ingest(HookedRepository hooked, ConcurrentQueue<SpooledEvent> delivered)
    {
        using var batch = await new EventSpool(hooked.Paths, TimeProvider.System).ClaimAsync();
        Assert.Equal(0, batch.Skipped);
        foreach (var e in batch.Events)
        {
            delivered.Enqueue(e);
        }

        batch.Complete();
    }

    private static Process Start(string folder, string script)
    {
        var start = new ProcessStartInfo("sh") { WorkingDirectory = folder, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["HOME"] = folder;
        return Process.Start(start)!;
    }
}
