using System.CommandLine;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow resume --event NAME</c>: delivers a stimulus to waiting instances and Event triggers.</summary>
public static class ResumeCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var eventName = new Option<string>("--event") { Description = "The event name", Required = true };
        var payload = new Option<string?>("--payload") { Description = "The event's data as JSON (the 'payload' output of WaitForEvent), or @FILE to read it from a file" };
        var correlation = new Option<string?>("--correlation") { Description = "Also resume bookmarks waiting for this correlation" };
        var instance = new Option<string?>("--instance") { Description = "Resume only this instance (no trigger starts a new one)" };
        var command = new Command("resume", "Deliver an event: resume instances waiting for it and start workflows it triggers")
        {
            eventName, payload, correlation, instance,
        };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            if (context.Parse.GetValue(eventName) is not { } name || string.IsNullOrWhiteSpace(name) || name.StartsWith('-'))
            {
                throw new UsageException($"--event needs an event name, e.g. --event git_commit; got '{context.Parse.GetValue(eventName)}'.");
            }

            var stimulus = new Stimulus(name, JsonArgument.Parse(context.Parse.GetValue(payload), "--payload"),
                context.Parse.GetValue(correlation), context.Parse.GetValue(instance));
            var host = context.Host;
            await RunCommand.StartEngineAsync(context, host, cancellationToken);
            if (stimulus.InstanceId is { } id && await host.Engine.Store.GetInstanceAsync(id, cancellationToken) is null)
            {
                throw new UsageException($"No instance has id '{id}'. List them with 'lifecycle instances'.");
            }

            var result = await host.Engine.ResumeAsync(stimulus, cancellationToken);
            if (stimulus.InstanceId is { } only && result.Resumed.Count == 0 && result.Skipped.Count == 0 && result.NotDelivered.Count == 0)
            {
                throw new UsageException($"Instance {only} is not waiting for event '{stimulus.Event}'{(stimulus.Correlation is null ? "" : $" with correlation '{stimulus.Correlation}'")}. See what it waits for with 'lifecycle instances'.");
            }

            if (context.Json)
            {
                context.WriteJson(new
                {
                    resumed = result.Resumed.Select(Brief),
                    started = result.Started.Select(Brief),
                    skipped = result.Skipped,
                    notDelivered = result.NotDelivered,
                });
            }

            var nothing = result.Resumed.Count == 0 && result.Started.Count == 0 && result.Skipped.Count == 0 && result.NotDelivered.Count == 0;
            if (nothing)
            {
                context.Error.WriteLine(stimulus.Correlation is null
                    ? $"error: event '{stimulus.Event}' was not delivered: no instance waits for it without a correlation, and no workflow is triggered by it (instances waiting with a correlation need --correlation; 'lifecycle instances --status Suspended' lists what waits)."
                    : $"error: event '{stimulus.Event}' was not delivered: no instance waits for it with correlation '{stimulus.Correlation}' (or none), and no workflow is triggered by it ('lifecycle instances --status Suspended' lists what waits).");
            }

            if (!context.Json)
            {
                foreach (var r in result.Resumed.Concat(result.Started))
                {
                    RunResultText.Write(context.Out, r);
                }

                foreach (var s in result.Skipped)
                {
                    context.Out.WriteLine($"Instance {s} took this event from another process first; nothing more waited for it here.");
                }
            }

            foreach (var busy in result.NotDelivered)
            {
                context.Error.WriteLine($"error: event '{stimulus.Event}' was not delivered to instance {busy}: it is busy in another process or could not be loaded (see 'lifecycle instances'). Deliver it again later.");
            }

            if (result.NotDelivered.Count > 0 || nothing)
            {
                return ExitCodes.Conflict;
            }

            return result.Resumed.Concat(result.Started).Select(RunResultText.ExitCode).DefaultIfEmpty(ExitCodes.Ok).Max();
        });
    }

    private static object Brief(RunResult r) => new { instanceId = r.InstanceId, workflowId = r.WorkflowId, status = r.Status, outputs = r.Outputs, error = r.Error };
}
