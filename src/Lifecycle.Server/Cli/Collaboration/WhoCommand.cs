using System.CommandLine;

namespace Lifecycle.Server.Cli.Collaboration;

/// <summary><c>who [--format text|json]</c>: who is on what, from every clone's committed handoffs and the current session.</summary>
public static class WhoCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var format = new Option<string>("--format") { Description = "text (a table) or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("who", "Who is on what: each person's and agent's branch, session, tasks and handoff, from the handoffs committed on every ref (git fetch first)") { format };
        return command.Handle(output, error, async (context, ct) =>
        {
            var report = await context.Sessions.WhoAsync(ct);
            if (context.Json || context.Parse.GetValue(format) == "json")
            {
                context.WriteJson(report);
                return ExitCodes.Ok;
            }

            if (report.People.Count == 0)
            {
                context.Out.WriteLine("Nobody yet: no session is open here and no handoff is committed on any ref. Run 'git fetch' to see the other clones' pushed branches.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("WHO", "KIND", "STATE", "BRANCH", "SESSION", "LAST SEEN", "HANDOFF FOR", "TASKS");
            foreach (var p in report.People)
            {
                table.Add(p.Who, p.KindText, p.State, p.Branch ?? "-", p.SessionId, TextTable.Time(p.LastSeen), p.HandoffTo ?? "-", p.TaskList);
            }

            table.WriteTo(context);
            return ExitCodes.Ok;
        });
    }
}
