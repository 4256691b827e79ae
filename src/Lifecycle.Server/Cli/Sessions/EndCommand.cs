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
        var to = new Option<string?>("--to") { Description = "Whom the handoff is for: a person's name or email, or an agent's name" };
        var command = new Command("end", "Close the session: handoff, report, docs commit, work put away") { force, yes, noStash, note, to };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var request = new EndRequest(context.Parse.GetValue(force), context.Parse.GetValue(yes), context.Parse.GetValue(noStash), context.Parse.GetValue(note),
                To: PersonName.Check(context.Parse.GetValue(to), "--to", "; leave --to out for a handoff to anyone"));
            var closed = await Terminal.StepProgress.RunAsync(context, "Closing the session", () => context.Sessions.EndAsync(request, cancellationToken));
            var handoff = closed.Handoff;
            if (closed.DocsSigningProblem is { } problem)
            {
                context.Error.WriteLine($"note: the docs commit is not signed: {problem}.");
            }

            if (WorkingFolder.IsGone)
            {
                context.Error.WriteLine("note: the folder you are in was untracked and was put away with the session's work; 'cd' to the repository's root ('lifecycle start' brings it back).");
            }

            if (closed.DetachedAt is { } sha)
            {
                context.Error.WriteLine($"warning: HEAD is detached: the session's commits and documents end at {sha[..7]}, on no branch; run 'git switch -c NAME' now to keep them on a branch.");
            }

            if (context.Json)
            {
                context.Out.WriteLine(handoff?.ToJsonString(CliJson.Options) ?? "null");
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(closed.Continued
                ? $"Session {closed.SessionId} closed (its close had been interrupted; this command finished it)."
                : $"Session {closed.SessionId} closed.");
            context.Out.WriteLine(handoff?["productivityScore"] is { } score
                ? $"  productivity score: {score}"
                : $"  not scored: {handoff?["metrics"]?["scoreUnavailableReason"]}");
            foreach (var action in handoff?["nextActions"]?.AsArray() ?? [])
            {
                context.Out.WriteLine($"  next: {action}");
            }

            return ExitCodes.Ok;
        });
    }
}
