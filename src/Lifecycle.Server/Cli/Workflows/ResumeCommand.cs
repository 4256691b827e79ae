using System.CommandLine;
using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow resume --event NAME</c>: delivers a stimulus to waiting instances and Event triggers; exit 4 when it is not delivered.</summary>
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
            var outcome = await host.Get<StimulusDelivery>().DeliverAsync(stimulus, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(outcome.Document);
            }
            else
            {
                foreach (var r in outcome.Result.Resumed.Concat(outcome.Result.Started))
                {
                    RunResultText.Write(context.Out, r);
                }

                foreach (var s in outcome.Result.Skipped)
                {
                    context.Out.WriteLine($"Instance {s} took this event from another process first; nothing more waited for it here.");
                }
            }

            foreach (var problem in outcome.Problems)
            {
                context.Error.WriteLine($"error: {problem}");
            }

            return outcome.Delivered
                ? outcome.Result.Resumed.Concat(outcome.Result.Started).Select(RunResultText.ExitCode).DefaultIfEmpty(ExitCodes.Ok).Max()
                : ExitCodes.Conflict;
        });
    }
}
