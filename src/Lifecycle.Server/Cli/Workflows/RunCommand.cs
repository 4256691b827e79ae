using System.CommandLine;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow run FILE|ID [--input JSON]</c>: exit 0 when Finished or Suspended, 1 when Faulted.</summary>
public static class RunCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("workflow") { Description = "A definition file (an existing path, or any name ending in .json; published first, as a new version only if it changed), otherwise the id of a published workflow" };
        var input = new Option<string?>("--input") { Description = "The workflow's input as a JSON object, or @FILE to read it from a file" };
        var command = new Command("run", "Run a workflow until it finishes, faults or waits") { target, input };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var given = JsonArgument.ParseObject(context.Parse.GetValue(input), "--input");
            var name = context.Parse.GetValue(target)!;
            var host = context.Host;
            await StartEngineAsync(context, host, cancellationToken);
            Lifecycle.Workflows.Hosting.RunResult result;
            if (File.Exists(Path.GetFullPath(name, WorkingFolder.Current)) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                var published = await host.Get<Lifecycle.Server.Workflows.WorkflowCatalog>().PublishAsync(context.ReadUserFile(name), name, cancellationToken);
                result = await host.Engine.RunAsync(published.Definition, given, cancellationToken);
            }
            else
            {
                result = await host.Engine.RunAsync(name, given, cancellationToken);
            }

            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                RunResultText.Write(context.Out, result);
            }

            return RunResultText.ExitCode(result);
        });
    }

    /// <summary>Starts the engine (once per command), telling the user on stderr about instances it recovered or timers it fired.</summary>
    internal static Task<Lifecycle.Workflows.Hosting.StartupReport> StartEngineAsync(CommandContext context, Hosting.EmbeddedHost host, CancellationToken cancellationToken) =>
        host.Get<Lifecycle.Server.Sessions.SessionRuntime>().StartAsync(cancellationToken);
}
