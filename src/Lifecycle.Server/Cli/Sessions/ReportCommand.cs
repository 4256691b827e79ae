using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>report [ID] [--format md|json] [--out FILE]</c>: a closed session's report (or handoff as JSON).</summary>
public static class ReportCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var id = new Argument<string?>("id") { Description = "The session (default: the last closed one)", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "md (the report) or json (the handoff)", DefaultValueFactory = _ => "md" };
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var command = new Command("report", "Show a closed session's report (md) or handoff (json)") { id, format, outFile };
        return command.Handle(output, error, async (context, ct) =>
        {
            var wanted = context.Parse.GetValue(format)!.ToLowerInvariant();

            // --json promises one JSON document on stdout: the handoff, as with --format json.
            if (context.Json && context.Parse.GetResult(format) is not { Implicit: false })
            {
                wanted = "json";
            }
            else if (context.Json && wanted == "md")
            {
                throw new UsageException("--json prints the handoff as JSON; drop --format md, or drop --json for the Markdown report.");
            }

            var report = await context.Sessions.ReportAsync(context.Parse.GetValue(id), wanted, ct);
            if (report.Source != "work tree")
            {
                context.Error.WriteLine($"note: session {report.SessionId}'s documents are not in the work tree; read from {report.Source}.");
            }

            if (context.Parse.GetValue(outFile) is { } target)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(target, WorkingFolder.Current), report.Text, ct);
                context.Error.WriteLine($"Wrote {target}.");
            }
            else
            {
                context.Out.Write(report.Text);
            }

            return ExitCodes.Ok;
        });
    }
}
