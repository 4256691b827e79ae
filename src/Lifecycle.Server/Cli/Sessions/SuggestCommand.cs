using System.CommandLine;
using Lifecycle.Server.Suggestions;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>
/// <c>suggest [--format text|json]</c>: the optimization suggestions from the closed sessions, each
/// with its evidence, and why the other kinds made none (<c>--json</c> is <c>--format json</c>).
/// </summary>
public static class SuggestCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var command = new Command("suggest", "Suggest how to work better, from the recorded sessions, with the figures behind each suggestion") { format };
        return command.Handle(output, error, async (context, ct) =>
        {
            var wanted = context.Parse.GetValue(format)!.ToLowerInvariant();
            if (wanted is not ("text" or "json"))
            {
                throw new UsageException($"--format must be text or json; got '{wanted}'.");
            }

            var report = await context.Sessions.SuggestAsync(ct);
            if (context.Json || wanted == "json")
            {
                context.WriteJson(report);
                return ExitCodes.Ok;
            }

            Write(context.Out, report);
            return ExitCodes.Ok;
        });
    }

    /// <summary>The suggestions as text: each advice with its evidence, then what was held back.</summary>
    public static void Write(TextWriter output, SuggestionReport report)
    {
        output.WriteLine($"Suggestions from {report.Sessions} closed session{(report.Sessions == 1 ? "" : "s")} ({report.ScoredSessions} scored):");
        if (report.Suggestions.Count == 0)
        {
            output.WriteLine("  none yet: no figure of the history calls for a change.");
        }

        foreach (var suggestion in report.Suggestions)
        {
            output.WriteLine($"  - {suggestion.Advice}");
            output.WriteLine($"    evidence: {suggestion.Evidence} (needs {suggestion.MinimumSessions}; based on {suggestion.Sessions})");
        }

        if (report.Withheld.Count > 0)
        {
            output.WriteLine("No suggestion about:");
            foreach (var reason in report.Withheld)
            {
                output.WriteLine($"  {reason}");
            }
        }
    }
}
