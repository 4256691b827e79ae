using System.CommandLine;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>start [--force] [--yes] [--no-stash] [--timebox 90m]</c>: starts the next session and prints the mission.</summary>
public static class StartCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var force = new Option<bool>("--force") { Description = "Override protocol blocks (recorded in the journal)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm required actions up front" };
        var noStash = new Option<bool>("--no-stash") { Description = "Do not restore the previous session's stashed work" };
        var timebox = new Option<string?>("--timebox") { Description = "Timebox the session: 45 (minutes), 90m, 1h30m or 2h; reminders before and at its end" };
        var command = new Command("start", "Start the next session: restore context, check reality, show the mission") { force, yes, noStash, timebox };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var minutes = context.Parse.GetValue(timebox) is { } text ? Timing.TimeboxText.ParseMinutes(text) : (int?)null;
            var request = new StartRequest(context.Parse.GetValue(force), context.Parse.GetValue(yes), context.Parse.GetValue(noStash),
                Agent: Lifecycle.Activities.Collaboration.AgentEnvironment.OfThisProcess(), TimeboxMinutes: minutes);
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
