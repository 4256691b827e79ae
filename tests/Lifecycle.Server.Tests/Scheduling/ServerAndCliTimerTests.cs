using Lifecycle.Server.Tests.Support;
using Lifecycle.Workflows.Runtime;
using Quartz;
using Xunit.Abstractions;

namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>
/// The server's scheduler and CLIs running embedded on the same repository all fire due timers
/// (a CLI at every engine start): each timer still resumes its instance exactly once.
/// </summary>
public sealed class ServerAndCliTimerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ITestOutputHelper _output;

    public ServerAndCliTimerTests(ITestOutputHelper output)
    {
        _output = output;
        Cli = SessionRepositories.Prepare(_folder);
    }

    private CliRunner Cli { get; }

    [Fact]
    public async Task A_due_timer_resumes_its_instance_once_with_server_and_clis_all_firing()
    {
        // One job at a time, so that the server is still going through the due timers when the CLIs start.
        using var server = new RepositoryServer(_folder.Path, RepositoryServer.Fast with { MaxConcurrency = 1 });
        var engine = server.Engine;
        var scheduler = await server.StandbySchedulerAsync();
        var definition = await DelayWorkflows.PublishAsync(engine, DelayWorkflows.Delay("nap", "PT1S"));
        var instances = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            instances.Add((await engine.RunAsync(definition, null)).InstanceId);
        }

        var latestDue = (await engine.PendingTimersAsync()).Max(t => t.DueAt);
        await Poll.UntilAsync(() => Task.FromResult(TimeProvider.System.GetUtcNow() > latestDue), TimeSpan.FromSeconds(10), "every timer is due");

        // Two CLIs and the server fire the same 40 due timers at once.
        var clis = Enumerable.Range(0, 2).Select(_ => Cli.RunAsync("workflow", "resume", "--event", "ping")).ToList();
        await scheduler.Start();
        var outputs = await Task.WhenAll(clis);
        await Poll.UntilAsync(async () => (await Task.WhenAll(instances.Select(id => DelayWorkflows.StatusAsync(engine, id)))).All(s => s == WorkflowStatus.Finished),
            TimeSpan.FromSeconds(20), "every instance finished");

        var firedByCli = outputs.Sum(c => c.Stderr.Split('\n').Count(line => line.Contains("a due timer resumed", StringComparison.Ordinal)));
        _output.WriteLine($"{firedByCli} of {instances.Count} timers were fired by a CLI, the rest by the server");
        await Poll.UntilAsync(async () => (await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals("timers") })).Items.Count == 0,
            TimeSpan.FromSeconds(10), "the server's triggers of timers the CLIs fired fired too, and did nothing");
        foreach (var instanceId in instances)
        {
            Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(engine, instanceId));
        }
    }

    [Fact]
    public async Task A_timer_a_cli_created_while_the_server_runs_is_fired_by_the_server()
    {
        using var server = new RepositoryServer(_folder.Path);
        var engine = server.Engine;
        _folder.Write("nap.json", DelayWorkflows.Delay("nap", "PT1S"));

        var run = await Cli.RunAsync("--json", "workflow", "run", "nap.json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var instanceId = run.Json["instanceId"]!.GetValue<string>();

        await Poll.UntilAsync(async () => await DelayWorkflows.StatusAsync(engine, instanceId) == WorkflowStatus.Finished,
            TimeSpan.FromSeconds(5), "the server's sweep found the timer and fired it");
        Assert.Equal(1, await DelayWorkflows.ResumedCountAsync(engine, instanceId));
    }

    public void Dispose() => _folder.Dispose();
}
