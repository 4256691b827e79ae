using System.CommandLine;
using Lifecycle.Server.Workflows;

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
            var path = context.Parse.GetValue(file)!;
            var published = await context.Host.Get<WorkflowCatalog>().PublishAsync(context.ReadUserFile(path), path, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { workflowId = published.Id, version = published.Version, created = published.Created });
            }
            else
            {
                context.Out.WriteLine(published.Created
                    ? $"Published '{published.Id}' version {published.Version}."
                    : $"'{published.Id}' is unchanged; version {published.Version} stays in force.");
            }

            return ExitCodes.Ok;
        });
    }
}
