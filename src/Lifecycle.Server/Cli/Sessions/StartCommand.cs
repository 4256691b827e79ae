using System.CommandLine;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>start [--force] [--yes] [--no-stash]</c>: starts the next session and prints the mission.</summary>
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
            var request = new StartRequest(context.Parse.GetValue(force), context.Parse.GetValue(yes), context.Parse.GetValue(noStash),
                Agent: Lifecycle.Activities.Collaboration.AgentEnvironment.OfThisProcess());
            var started = await Terminal.StepProgress.RunAsync(context, "Starting the session", () => context.Sessions.StartAsync(request, cancellationToken));
            if (context.Json)
            {
                context.WriteJson(started.Session);
            }
            else
            {
                context.Out.WriteLine(started.Mission);
            }

            return ExitCodes.Ok;
        });
    }
}
