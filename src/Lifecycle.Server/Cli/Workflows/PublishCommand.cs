using System.CommandLine;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow publish FILE</c>: stores a new version when the content changed.</summary>
public static class PublishCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The workflow definition (.json)" };
        var command = new Command("publish", "Store a workflow definition as a new version (only when it changed)") { file };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var host = context.Host;
            await host.Engine.Store.InitializeAsync(cancellationToken);
            var definition = await host.Engine.ReadAsync(context.ReadUserFile(context.Parse.GetValue(file)!), context.Parse.GetValue(file)!, cancellationToken);
            var (published, created) = await host.Engine.PublishAsync(definition, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { workflowId = published.Id, version = published.Version, created });
            }
            else
            {
                context.Out.WriteLine(created
                    ? $"Published '{published.Id}' version {published.Version}."
                    : $"'{published.Id}' is unchanged; version {published.Version} stays in force.");
            }

            return ExitCodes.Ok;
        });
    }
}
