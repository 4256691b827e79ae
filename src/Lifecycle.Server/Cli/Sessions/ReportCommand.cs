using System.CommandLine;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

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
            if (wanted is not ("md" or "json"))
            {
                throw new UsageException($"--format must be md or json; got '{context.Parse.GetValue(format)}'.");
            }

            // --json promises one JSON document on stdout: the handoff, as with --format json.
            if (context.Json && context.Parse.GetResult(format) is not { Implicit: false })
            {
                wanted = "json";
            }
            else if (context.Json && wanted == "md")
            {
                throw new UsageException("--json prints the handoff as JSON; drop --format md, or drop --json for the Markdown report.");
            }

            var sessionId = context.Parse.GetValue(id) is { } given ? SessionId.Normalize(given) : await LastClosedAsync(context, ct);
            var docs = SessionDocs.For(LifecycleConfigLoader.Load(context.Repository).DocsFolder, sessionId);
            var path = Path.Combine(context.Repository, wanted == "md" ? docs.Report : docs.HandoffJson);
            if (!File.Exists(path))
            {
                throw new UsageException($"Session {sessionId} has no {(wanted == "md" ? "report" : "handoff")} at {Path.GetRelativePath(context.Repository, path)}; reports are written when a session ends (see 'lifecycle sessions').");
            }

            var text = await File.ReadAllTextAsync(path, ct);
            if (context.Parse.GetValue(outFile) is { } target)
            {
                await File.WriteAllTextAsync(Path.GetFullPath(target, Environment.CurrentDirectory), text, ct);
                context.Error.WriteLine($"Wrote {target}.");
            }
            else
            {
                context.Out.Write(text);
            }

            return ExitCodes.Ok;
        });
    }

    private static async Task<string> LastClosedAsync(CommandContext context, CancellationToken ct)
    {
        var store = CurrentSession.Store(context);
        await CurrentSession.LatestAsync(context, store, ct);
        var closed = (await store.ListAsync(ct)).LastOrDefault(s => s.State == SessionState.Dormant && s.EndTime is not null);
        return closed?.SessionId ?? throw new UsageException("No session has ended yet; end one with 'lifecycle end'.");
    }
}
