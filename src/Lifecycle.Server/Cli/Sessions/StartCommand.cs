using System.CommandLine;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Cli.Workflows;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>start [--force] [--yes] [--no-stash]</c>: runs workflow session-start and prints the mission.</summary>
public static class StartCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Override protocol blocks (recorded in the journal)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm required actions up front" };
        var noStash = new Option<bool>("--no-stash") { Description = "Do not restore the previous session's stashed work" };
        var command = new Command("start", "Start the next session: restore context, check reality, show the mission") { force, yes, noStash };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            CurrentSession.RequireGitRepository(context);
            // Lifecycle's state never goes into git (nor into a stash), even without 'lifecycle init'.
            Lifecycle.Activities.Setup.GitExclude.Ensure(Lifecycle.Activities.Setup.GitPaths.Of(context.Repository), ".lifecycle/");

            await using var host = context.OpenHost();
            await RunCommand.StartEngineAsync(context, host, cancellationToken);
            await SessionWorkflows.PublishAllAsync(host, cancellationToken);
            var sessions = host.Get<ISessionStore>();
            await CloseLeftoversAsync(context, host, sessions, cancellationToken);

            var result = await host.Engine.RunAsync(SessionWorkflows.Start, new JsonObject
            {
                ["force"] = context.Parse.GetValue(force),
                ["yes"] = context.Parse.GetValue(yes),
                ["noStash"] = context.Parse.GetValue(noStash),
            }, cancellationToken);
            if (result.Status != WorkflowStatus.Finished)
            {
                return RunResultText.ReportUnfinished(context, result);
            }

            var session = await sessions.GetLatestAsync(cancellationToken);
            if (context.Json)
            {
                context.WriteJson(session!);
            }
            else
            {
                context.Out.WriteLine(result.Outputs["mission"]?.GetValue<string>() ?? $"Session {session?.SessionId} is ACTIVE.");
            }

            return ExitCodes.Ok;
        });
    }

    /// <summary>
    /// A session still ACTIVE (or CLOSING) never had its close run: close it now from its recorded
    /// facts. One still INITIALIZING never finished starting: abort it.
    /// </summary>
    private static async Task CloseLeftoversAsync(CommandContext context, Hosting.EmbeddedHost host, ISessionStore sessions, CancellationToken cancellationToken)
    {
        var latest = await sessions.GetLatestAsync(cancellationToken);
        if (latest is { State: SessionState.Initializing })
        {
            var state = latest.State;
            new SessionStateMachine(() => state, s => state = s).Fire(SessionTrigger.Abort);
            latest.State = state;
            await sessions.SaveAsync(latest, cancellationToken);
            context.Error.WriteLine($"note: session {latest.SessionId} never finished starting; it was aborted.");
        }
        else if (latest is { State: SessionState.Active or SessionState.Closing })
        {
            context.Error.WriteLine($"note: session {latest.SessionId} was never closed; closing it from its recorded facts (recovered close).");
            var closed = await host.Engine.RunAsync(SessionWorkflows.End,
                new JsonObject { ["session"] = latest.SessionId, ["recovered"] = true, ["yes"] = true }, cancellationToken);
            if (closed.Status != WorkflowStatus.Finished)
            {
                throw new SessionException(
                    $"The recovered close of session {latest.SessionId} failed: {closed.Error}. See 'lifecycle journal {closed.InstanceId}'.");
            }
        }
    }
}
