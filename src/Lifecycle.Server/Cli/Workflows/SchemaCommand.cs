using System.CommandLine;
using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Schema;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow schema [--out FILE]</c>: the JSON Schema of definitions, for editors.</summary>
public static class SchemaCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var file = new Option<string?>("--out") { Description = "Write the schema to this file instead of stdout" };
        var command = new Command("schema", "Print the JSON Schema of workflow definitions (every activity type this build knows)") { file };
        return command.Handle(output, error, (context, _) =>
        {
            var text = WorkflowSchemaGenerator.GenerateText(ProductActivities.CreateRegistry());
            if (context.Parse.GetValue(file) is { } path)
            {
                var full = Path.GetFullPath(path, WorkingFolder.Current);
                if (Directory.Exists(full) || !Directory.Exists(Path.GetDirectoryName(full)))
                {
                    throw new UsageException($"--out '{path}' must be a file in an existing folder.");
                }

                File.WriteAllText(full, text);
                context.Error.WriteLine($"Wrote {path}.");
            }
            else
            {
                context.Out.Write(text);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
    }
}
