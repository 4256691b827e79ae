using System.CommandLine;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>end [--force] [--yes] [--no-stash] [--note TEXT]</c>: closes the session and prints the handoff.</summary>
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
            var closed = await context.Sessions.EndAsync(new EndRequest(
                context.Parse.GetValue(force), context.Parse.GetValue(yes), context.Parse.GetValue(noStash), context.Parse.GetValue(note)), cancellationToken);
            var handoff = closed.Handoff;
            if (context.Json)
            {
                context.Out.WriteLine(handoff?.ToJsonString(CliJson.Options) ?? "null");
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(closed.Continued
                ? $"Session {closed.SessionId} closed (its close had been interrupted; this command finished it)."
                : $"Session {closed.SessionId} closed.");
            context.Out.WriteLine($"  productivity score: {handoff?["productivityScore"]}");
            foreach (var action in handoff?["nextActions"]?.AsArray() ?? [])
            {
                context.Out.WriteLine($"  next: {action}");
            }

            return ExitCodes.Ok;
        });
    }
}
