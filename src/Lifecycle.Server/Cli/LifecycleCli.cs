using System.CommandLine;
using Lifecycle.Server.Cli.Sessions;
using Lifecycle.Server.Cli.Workflows;

namespace Lifecycle.Server.Cli;

/// <summary>The <c>lifecycle</c> command line: parses, reports usage errors with exit 2, runs the command.</summary>
public static class LifecycleCli
{
    public static RootCommand Build(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("lifecycle: managed work sessions on git repositories, driven by declarative workflows.");
        root.Add(GlobalOptions.Repo);
        root.Add(GlobalOptions.Json);
        root.Add(GlobalOptions.Verbose);
        root.Add(InitCommand.Build(output, error));
        root.Add(StartCommand.Build(output, error));
        root.Add(EndCommand.Build(output, error));
        root.Add(EventCommand.Build(output, error));
        root.Add(StatusCommand.Build(output, error));
        root.Add(TaskCommand.Build(output, error));
        root.Add(SessionsCommand.Build(output, error));
        root.Add(CheckpointCommand.Build(output, error));
        root.Add(ReportCommand.Build(output, error));
        root.Add(WorkflowCommand.Build(output, error));
        root.Add(InstancesCommand.Build(output, error));
        root.Add(JournalCommand.Build(output, error));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);

        // '@file' is ours (JSON from a file), not System.CommandLine's response files.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine($"error: {problem.Message}");
            }

            var help = $"Run 'lifecycle {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("  ", " ");
            error.WriteLine(help);
            if (args.Contains("--json"))
            {
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(
                    new { error = string.Join(" ", parse.Errors.Select(e => e.Message)) + " " + help, exitCode = ExitCodes.BadInput }, CliJson.Options));
            }

            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(configuration);
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
