using System.CommandLine;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>recover</c>: rebuilds the session store from state backups and committed session docs.</summary>
public static class RecoverCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("recover", "Rebuild the session store from .lifecycle/state.json (and its backups) and the committed session docs")
            .Handle(output, error, async (context, ct) =>
            {
                var report = await context.Host.Sessions.RecoverAsync(ct);
                if (context.Json)
                {
                    context.WriteJson(report);
                    return ExitCodes.Ok;
                }

                context.Out.WriteLine($"Recovered the session store of {context.Repository}.");
                context.Out.WriteLine($"  database: {report.Database}");
                foreach (var line in report.Found)
                {
                    context.Out.WriteLine($"  found {line}");
                }

                foreach (var line in report.Imported)
                {
                    context.Out.WriteLine($"  imported {line}");
                }

                foreach (var line in report.Kept)
                {
                    context.Out.WriteLine($"  kept {line}");
                }

                foreach (var line in report.Rerecorded)
                {
                    context.Out.WriteLine($"  re-recorded {line}");
                }

                context.Out.WriteLine(report.Latest is { } latest
                    ? $"  latest session: {latest}; 'lifecycle status' shows it, and the next 'lifecycle start' continues from it."
                    : "  no session was found anywhere; 'lifecycle start' begins the first.");
                return ExitCodes.Ok;
            });
}
