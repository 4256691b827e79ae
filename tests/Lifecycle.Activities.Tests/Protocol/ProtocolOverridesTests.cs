using Lifecycle.Activities.Protocol;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Activities.Tests.Protocol;

public class ProtocolOverridesTests
{
    private sealed class Yes : IConfirmation
    {
        public Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult<bool?>(true);
    }

    [Fact]
    public async Task BlockAndRequire_RecordEachOverrideWithItsTime_InTheWorkflowOutput()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var folder = Directory.CreateTempSubdirectory("lifecycle-overrides-").FullName;
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IConfirmation>(new Yes())
            .AddLifecycleWorkflows(Path.Combine(folder, "lifecycle.db"), r => r.AddAssembly(typeof(Block).Assembly))
            .BuildServiceProvider();
        await using (services)
        {
            var engine = services.GetRequiredService<WorkflowEngine>();
            await engine.StartAsync();
            var read = await engine.ReadAsync("""
                { "id": "o", "root": { "type": "Sequence", "activities": [
                  { "type": "Block", "rule": "reality-consensus", "message": "consensus 62% is below 80%", "force": true, "actor": "alice" },
                  { "type": "Block", "rule": "never", "message": "not broken", "when": false },
                  { "type": "Require", "action": "Commit or stash uncommitted work", "yes": true },
                  { "type": "Require", "action": "Update task status", "when": true },
                  { "type": "Require", "action": "Not asked", "when": false }
                ] } }
                """, "o.json");
            var (definition, _) = await engine.PublishAsync(read);

            var run = await engine.RunAsync(definition, null);

            Assert.Equal(WorkflowStatus.Finished, run.Status);
            var overrides = run.Outputs[ProtocolOverrides.OutputName]!.AsArray();
            Assert.Equal(
                [
                    "Rule 'reality-consensus' overridden with --force by alice: consensus 62% is below 80%",
                    "Confirmed with --yes: Commit or stash uncommitted work",
                    "Confirmed at the terminal: Update task status",
                ],
                overrides.Select(o => (string)o!["text"]!));
            Assert.All(overrides, o => Assert.Equal(time.GetUtcNow(), o!["time"]!.GetValue<DateTimeOffset>()));
        }

        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
