using System.CommandLine;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>lifecycle workflow …</c>: definitions and their runs.</summary>
public static class WorkflowCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new("workflow", "Validate, publish, list, show, run and resume workflows")
        {
            ValidateCommand.Build(output, error),
            PublishCommand.Build(output, error),
            ListCommand.Build(output, error),
            ShowCommand.Build(output, error),
            RunCommand.Build(output, error),
            ResumeCommand.Build(output, error),
            SchemaCommand.Build(output, error),
        };
}
