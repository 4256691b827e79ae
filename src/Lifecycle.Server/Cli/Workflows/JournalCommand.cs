using System.CommandLine;
using Lifecycle.Workflows;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>journal INSTANCE [--follow]</c>: the execution history of one instance.</summary>
public static class JournalCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var instance = new Argument<string>("instance") { Description = "The instance id (see 'lifecycle instances')" };
        var follow = new Option<bool>("--follow") { Description = "Keep printing new entries until the instance finishes, faults or is cancelled" };
        var command = new Command("journal", "Show the execution history of an instance") { instance, follow };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var id = context.Parse.GetValue(instance)!;
            var host = context.Host;
            var store = await host.OpenExistingStoreAsync(cancellationToken);
            if (store is null || await store.GetInstanceAsync(id, cancellationToken) is null)
            {
                throw new UsageException($"No instance has id '{id}'. List them with 'lifecycle instances'.");
            }

            var entries = await store.GetJournalAsync(id, 0, cancellationToken);
            if (context.Json && !context.Parse.GetValue(follow))
            {
                context.WriteJson(new { instanceId = id, entries });
                return ExitCodes.Ok;
            }

            Write(context, entries);
            if (!context.Parse.GetValue(follow))
            {
                return ExitCodes.Ok;
            }

            var last = entries.Count > 0 ? entries[^1].Sequence : 0;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500), host.Get<TimeProvider>());
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var more = await store.GetJournalAsync(id, last, cancellationToken);
                Write(context, more);
                last = more.Count > 0 ? more[^1].Sequence : last;
                var summary = await store.GetInstanceAsync(id, cancellationToken);
                if (summary?.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted or WorkflowStatus.Cancelled)
                {
                    return ExitCodes.Ok;
                }
            }

            return ExitCodes.Ok;
        });
    }

    private static void Write(CommandContext context, IReadOnlyList<JournalEntry> entries)
    {
        foreach (var e in entries)
        {
            if (context.Json)
            {
                // --follow --json streams JSON Lines: one entry per line, as it is persisted.
                context.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(e, CliJson.Compact));
                continue;
            }

            var line = $"{e.Sequence,5}  {TextTable.Time(e.Timestamp)}  {e.Event,-11} {e.ActivityType,-14} {e.ActivityId}";
            if (e.Message is not null)
            {
                line += $"  {e.Message}";
            }

            if (e.Data is not null)
            {
                line += $"  {e.Data.ToJsonString(WorkflowJson.Options)}";
            }

            context.Out.WriteLine(line);
        }

        context.Out.Flush();
    }
}
