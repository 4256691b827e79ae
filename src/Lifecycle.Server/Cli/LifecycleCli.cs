using System.CommandLine;
using Lifecycle.Server.Cli.Sessions;
using Lifecycle.Server.Cli.Setup;
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
        root.Add(RecoverCommand.Build(output, error));
        root.Add(WorkflowCommand.Build(output, error));
        root.Add(InstancesCommand.Build(output, error));
        root.Add(JournalCommand.Build(output, error));
        root.Add(DemoCommand.Build(output, error));
        root.Add(CompletionCommand.Build(output, error));
        return ValueCompletions.Attach(root);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error);

        // '@file' is ours (JSON from a file), not System.CommandLine's response files.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        // The [suggest] directive completes half-typed lines, which are errors by nature.
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            var help = $"Run 'lifecycle {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("  ", " ");
            var message = $"{UsageProblem(parse)} {help}";
            error.WriteLine($"error: {message}");
            if (args.Contains("--json"))
            {
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { error = message, exitCode = ExitCodes.BadInput }, CliJson.Options));
            }

            return ExitCodes.BadInput;
        }

        // Signals are handled per command (CommandExtensions): workflows stop at a persisted point.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration);
    }

    /// <summary>
    /// What is wrong, in one sentence: an unknown command is named (with the nearest known one),
    /// rather than listed next to "Required command was not provided".
    /// </summary>
    private static string UsageProblem(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (parse.UnmatchedTokens.FirstOrDefault() is { } unknown && !unknown.StartsWith('-') && command.Subcommands.Count > 0)
        {
            var known = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
            var nearest = known.OrderBy(name => Distance(unknown, name)).FirstOrDefault(name => Distance(unknown, name) <= Math.Max(2, unknown.Length / 3));
            return $"Unknown command '{unknown}'.{(nearest is null ? "" : $" Did you mean '{nearest}'?")} Commands: {string.Join(", ", known)}.";
        }

        var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct().ToList();
        return string.Join("; ", messages) + ".";
    }

    /// <summary>Edits (insert, delete, replace) from one word to the other.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
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
