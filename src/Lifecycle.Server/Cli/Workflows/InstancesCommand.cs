using System.CommandLine;
using Lifecycle.Workflows.Persistence;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>instances [--status S] [--workflow ID]</c>: the execution history, newest first.</summary>
public static class InstancesCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var status = new Option<string?>("--status") { Description = "Only instances in this status: Running, Suspended, Finished, Faulted, Cancelled" };
        var workflow = new Option<string?>("--workflow") { Description = "Only instances of this workflow id" };
        var limit = new Option<int>("--limit") { Description = "At most this many (newest first)", DefaultValueFactory = _ => 50 };
        var command = new Command("instances", "List workflow instances, newest first") { status, workflow, limit };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var wanted = ParseStatus(context.Parse.GetValue(status));
            if (context.Parse.GetValue(limit) < 1)
            {
                throw new UsageException("--limit must be 1 or more.");
            }

            var host = context.Host;
            var store = await host.OpenExistingStoreAsync(cancellationToken);
            IReadOnlyList<InstanceSummary> instances = store is null
                ? []
                : await store.ListInstancesAsync(wanted, context.Parse.GetValue(workflow), context.Parse.GetValue(limit), cancellationToken);

            if (context.Json)
            {
                context.WriteJson(new { instances });
                return ExitCodes.Ok;
            }

            if (instances.Count == 0)
            {
                context.Out.WriteLine("No instances. Run a workflow with 'lifecycle workflow run FILE|ID'.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("INSTANCE", "WORKFLOW", "STATUS", "CREATED", "WAITING / ERROR");
            foreach (var i in instances)
            {
                var note = i.Error ?? string.Join(", ", i.Bookmarks.Select(b => b.DueAt is { } due ? $"timer {TextTable.Time(due)}" : $"event '{b.Event}'"));
                table.Add(i.InstanceId, $"{i.WorkflowId} v{i.Version}", i.Status.ToString(), TextTable.Time(i.CreatedAt), note);
            }

            table.WriteTo(context);
            return ExitCodes.Ok;
        });
    }

    private static WorkflowStatus? ParseStatus(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Enum.TryParse<WorkflowStatus>(text, ignoreCase: true, out var status) && !int.TryParse(text, out _)
            ? status
            : throw new UsageException($"Unknown status '{text}'. Use one of: {string.Join(", ", Enum.GetNames<WorkflowStatus>())}.");
    }
}
