using Lifecycle.Activities.Protocol;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Activities.Tests.Protocol;

public class RequireTests
{
    /// <summary>Answers as the test says, like a person at the terminal would.</summary>
    private sealed class Answer(bool? answer) : IConfirmation
    {
        public List<string> Asked { get; } = [];

        public Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken)
        {
            Asked.Add(question);
            return Task.FromResult(answer);
        }
    }

    [Theory]
    [InlineData(true, WorkflowStatus.Finished, null)]
    [InlineData(false, WorkflowStatus.Faulted, "Do it, then run the command again.")]
    [InlineData(null, WorkflowStatus.Faulted, "Confirm with --yes, or run on a terminal to answer.")]
    public async Task Require_AsksAndFollowsTheAnswer(bool? answer, WorkflowStatus status, string? error)
    {
        var confirmation = new Answer(answer);
        var folder = Directory.CreateTempSubdirectory("lifecycle-protocol-").FullName;
        var services = new ServiceCollection()
            .AddSingleton<IConfirmation>(confirmation)
            .AddLifecycleWorkflows(Path.Combine(folder, "lifecycle.db"), r => r.AddAssembly(typeof(Require).Assembly))
            .BuildServiceProvider();
        await using (services)
        {
            var engine = services.GetRequiredService<WorkflowEngine>();
            await engine.StartAsync();
            var read = await engine.ReadAsync("""{ "id": "r", "root": { "type": "Require", "action": "Update task status" } }""", "r.json");
            var (definition, _) = await engine.PublishAsync(read);

            var run = await engine.RunAsync(definition, null);

            Assert.Equal(status, run.Status);
            Assert.Equal(["Update task status. Continue?"], confirmation.Asked);
            if (error is not null)
            {
                Assert.Contains(error, run.Error);
                Assert.Equal(FaultCodes.Blocked, run.ErrorCode);
            }
        }

        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
