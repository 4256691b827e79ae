using System.CommandLine;
using Lifecycle.Server.Cli.Serving;
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
        root.Add(ServeCommand.Build(output, error));
        root.Add(LoginCommand.Build(output, error));
        root.Add(DemoCommand.Build(output, error));
        root.Add(CompletionCommand.Build(output, error));
        root.Add(Planning.PlanCommand.Build(output, error));
        root.Add(Collaboration.WhoCommand.Build(output, error));
        root.Add(Agents.McpCommand.Build(output, error));
        root.Add(Agents.AgentCommand.Build(output, error));
        root.Add(SuggestCommand.Build(output, error));
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
            return $"Unknown command '{unknown}'.{Suggestion(unknown, known)} Commands: {string.Join(", ", known)}.";
        }

        if (parse.UnmatchedTokens.FirstOrDefault(t => t.StartsWith("--", StringComparison.Ordinal)) is { } option)
        {
            var name = option.Split('=')[0];
            var known = OptionsOf(parse.CommandResult).ToList();
            return $"Unknown option '{name}' for '{command.Name}'.{Suggestion(name, known)}";
        }

        var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct().ToList();
        return string.Join("; ", messages) + ".";
    }

    /// <summary><c> Did you mean 'X'?</c> for the nearest of <paramref name="known"/>, when one is near enough to be a typo.</summary>
    private static string Suggestion(string typed, IReadOnlyList<string> known)
    {
        var nearest = known.OrderBy(name => Distance(typed, name)).FirstOrDefault(name => Distance(typed, name) <= Math.Max(2, typed.Length / 3));
        return nearest is null ? "" : $" Did you mean '{nearest}'?";
    }

    /// <summary>The long options a command takes: its own and those its parents pass down.</summary>
    private static IEnumerable<string> OptionsOf(System.CommandLine.Parsing.CommandResult result)
    {
        var own = result.Command.Options.Select(o => o.Name);
        var inherited = new List<string>();
        for (var parent = result.Parent as System.CommandLine.Parsing.CommandResult; parent is not null; parent = parent.Parent as System.CommandLine.Parsing.CommandResult)
        {
            inherited.AddRange(parent.Command.Options.Where(o => o.Recursive).Select(o => o.Name));
        }

        return own.Concat(inherited).Where(name => name.StartsWith("--", StringComparison.Ordinal)).Distinct();
    }

    /// <summary>
    /// Edits from one word to the other: insert, delete, replace, or swap two neighbours (a typo
    /// like 'stauts' is one swap from 'status', two edits from 'start').
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
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
