using System.CommandLine;
using Lifecycle.Server.Workflows;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow validate FILE</c>: every problem as <c>PATH: message</c>, exit 2 when there is any.</summary>
public static class ValidateCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "The workflow definition (.json)" };
        var command = new Command("validate", "Check a workflow definition and list every problem") { file };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var path = context.Parse.GetValue(file)!;
            var definition = await context.Host.Get<WorkflowCatalog>().ReadAsync(context.ReadUserFile(path), path, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { valid = true, errors = Array.Empty<object>() });
            }
            else
            {
                context.Out.WriteLine($"{path}: valid workflow '{definition.Id}' ({definition.ByPath.Count} {(definition.ByPath.Count == 1 ? "activity" : "activities")}).");
            }

            return ExitCodes.Ok;
        });
    }
}
