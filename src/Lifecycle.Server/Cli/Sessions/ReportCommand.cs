using System.CommandLine;
using Lifecycle.Server.Reports;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>
/// <c>report [ID] [--format md|json|html] [--out FILE]</c>: a closed session's report;
/// <c>report --all [--format html|json] [--since DATE] [--until DATE] [--out FILE]</c>: the report
/// across sessions, with charts.
/// </summary>
public static class ReportCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var id = new Argument<string?>("id") { Description = "The session (default: the last closed one)", Arity = ArgumentArity.ZeroOrOne };
        var format = new Option<string>("--format") { Description = "md, json or html (one session); html or json (--all)", DefaultValueFactory = _ => "md" };
        var all = new Option<bool>("--all") { Description = "Report across the closed sessions, with charts" };
        var since = new Option<string?>("--since") { Description = "With --all: the first day (yyyy-MM-dd, local) of the sessions to include" };
        var until = new Option<string?>("--until") { Description = "With --all: the last day (yyyy-MM-dd, local) of the sessions to include" };
        var outFile = new Option<string?>("--out") { Description = "Write to this file instead of stdout" };
        var command = new Command("report", "Show a closed session's report (md, json or html), or the report across sessions (--all)") { id, format, all, since, until, outFile };
        return command.Handle(output, error, async (context, ct) =>
        {
            var across = context.Parse.GetValue(all);
            var explicitFormat = context.Parse.GetResult(format) is { Implicit: false };
            var wanted = explicitFormat ? context.Parse.GetValue(format)!.ToLowerInvariant() : across ? "html" : "md";

            // --json promises one JSON document on stdout: the report's JSON, as with --format json.
            if (context.Json && !explicitFormat)
            {
                wanted = "json";
            }
            else if (context.Json && wanted != "json")
            {
                throw new UsageException($"--json prints the report as JSON; drop --format {wanted}, or drop --json for the {wanted} report.");
            }

            if (!across && (context.Parse.GetResult(since) is { Implicit: false } || context.Parse.GetResult(until) is { Implicit: false }))
            {
                throw new UsageException("--since and --until choose sessions for the report across sessions; add --all, or drop them.");
            }

            if (across && context.Parse.GetValue(id) is { } given)
            {
                throw new UsageException($"--all reports across sessions, not session {given}; drop the id or drop --all.");
            }

            ReportDocument report;
            if (across)
            {
                if (!ReportService.AcrossFormats.Contains(wanted))
                {
                    throw new UsageException($"--all makes html or json, not '{wanted}'; use --format html or --format json (Markdown is for one session).");
                }

                var from = Date(context.Parse.GetValue(since), "--since");
                var to = Date(context.Parse.GetValue(until), "--until");
                if (from is { } first && to is { } last && last < first)
                {
                    throw new UsageException($"--until {last:yyyy-MM-dd} is before --since {first:yyyy-MM-dd}; give an --until on or after --since.");
                }

                report = await context.Sessions.ReportAcrossAsync(from, to, wanted, ct);
            }
            else
            {
                report = await context.Sessions.ReportAsync(context.Parse.GetValue(id), wanted, ct);
                if (report.Source != "work tree")
                {
                    context.Error.WriteLine($"note: session {report.SessionId}'s documents are not in the work tree; read from {report.Source}.");
                }
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

    private static DateOnly? Date(string? text, string option)
    {
        try
        {
            return ReportService.ParseDate(text, option);
        }
        catch (Lifecycle.Activities.SessionException bad)
        {
            throw new UsageException(bad.Message);
        }
    }
}
