using System.CommandLine;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Cli.Workflows;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>end [--force] [--yes] [--no-stash] [--note TEXT]</c>: runs workflow session-end and prints the handoff.</summary>
public static class EndCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Override protocol blocks (recorded in the journal)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm required actions up front (open tasks, uncommitted work)" };
        var noStash = new Option<bool>("--no-stash") { Description = "Leave uncommitted work in the work tree instead of stashing it" };
        var note = new Option<string?>("--note") { Description = "A note for the next session, kept in the handoff" };
        var command = new Command("end", "Close the session: handoff, report, docs commit, work put away") { force, yes, noStash, note };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            CurrentSession.RequireGitRepository(context);
            await using var host = context.OpenHost();
            var repository = host.Get<RepositoryContext>();
            if (!context.Parse.GetValue(noStash))
            {
                // The stash's git status, taken on the idle core while the command starts up.
                _ = repository.PrefetchStatus();
            }

            var startup = await RunCommand.StartEngineAsync(context, host, cancellationToken);
            if (startup.Recovered.Count > 0 || startup.TimersFired.Count > 0)
            {
                // Recovered or resumed workflows may have changed the work tree since.
                repository.DiscardPrefetchedStatus();
            }

            await SessionWorkflows.PublishAllAsync(host, cancellationToken);
            var sessions = host.Get<ISessionStore>();
            var session = await sessions.GetLatestAsync(cancellationToken);
            if (session is not { State: SessionState.Active or SessionState.Closing })
            {
                throw new SessionException("No session is active. Start one with 'lifecycle start'.", ErrorKind.Conflict);
            }

            if (context.Parse.GetValue(note) is { } text)
            {
                session.CloseNote = text;
                await sessions.SaveAsync(session, cancellationToken);
            }

            var result = await host.Engine.RunAsync(SessionWorkflows.End, new JsonObject
            {
                ["session"] = session.SessionId,
                ["force"] = context.Parse.GetValue(force),
                ["yes"] = context.Parse.GetValue(yes),
                ["noStash"] = context.Parse.GetValue(noStash),
            }, cancellationToken);
            if (result.Status != WorkflowStatus.Finished)
            {
                return RunResultText.ReportUnfinished(context, result);
            }

            var handoff = result.Outputs["handoff"];
            if (context.Json)
            {
                context.Out.WriteLine(handoff?.ToJsonString(CliJson.Options) ?? "null");
            }
            else
            {
                context.Out.WriteLine($"Session {session.SessionId} closed.");
                context.Out.WriteLine($"  productivity score: {handoff?["productivityScore"]}");
                foreach (var action in handoff?["nextActions"]?.AsArray() ?? [])
                {
                    context.Out.WriteLine($"  next: {action}");
                }
            }

            return ExitCodes.Ok;
        });
    }
}
