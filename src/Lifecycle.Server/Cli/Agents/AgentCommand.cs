using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Server.Agents;
using Lifecycle.Server.Mcp;

namespace Lifecycle.Server.Cli.Agents;

/// <summary><c>agent install|uninstall NAME</c> and <c>agent hook EVENT</c>: lifecycle in a coding agent's own hooks (docs/AGENTS.md).</summary>
public static class AgentCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new("agent", "Connect coding agents: hooks and the MCP server (install, uninstall), and the hooks' entry point")
        {
            Install(output, error), Uninstall(output, error), Hook(output, error),
        };

    private static Argument<string> Name() => new("name") { Description = $"The agent: {string.Join(", ", AgentIntegrations.All.Select(a => a.Name))}" };

    private static Command Install(TextWriter output, TextWriter error)
    {
        var name = Name();
        var command = new Option<string>("--command")
        {
            Description = "How the agent runs lifecycle (words separated by spaces)",
            DefaultValueFactory = _ => "lifecycle",
        };
        return new Command("install", "Set lifecycle up in the agent's files, merged with what is there (claude-code: .claude/settings.json hooks and .mcp.json; agents-md: a section of AGENTS.md)") { name, command }
            .Handle(output, error, (context, _) =>
            {
                var agent = AgentIntegrations.Find(context.Parse.GetValue(name)!);
                var run = context.Parse.GetValue(command)!.Trim();
                if (run.Length == 0)
                {
                    throw new UsageException("--command is empty; give how the agent runs lifecycle, e.g. --command lifecycle.");
                }

                var changed = agent.Install(context.Repository, run);
                if (CommandLookup.Missing(run) is { } missing)
                {
                    // Installed all the same (the agent may run with another PATH), but said: every hook would fail.
                    context.Error.WriteLine($"warning: '{missing}' is not on PATH here, so the agent would fail to run it: install lifecycle on PATH (eng/install.sh), or give --command, e.g. --command \"dotnet /path/to/lifecycle.dll\".");
                }

                return Task.FromResult(Print(context, agent, "installed", changed));
            });
    }

    private static Command Uninstall(TextWriter output, TextWriter error)
    {
        var name = Name();
        return new Command("uninstall", "Remove what 'agent install' added, and nothing else") { name }
            .Handle(output, error, (context, _) =>
            {
                var agent = AgentIntegrations.Find(context.Parse.GetValue(name)!);
                return Task.FromResult(Print(context, agent, "uninstalled", agent.Uninstall(context.Repository)));
            });
    }

    /// <summary>
    /// The entry point of the hooks 'agent install' writes: reads the agent's JSON on stdin, prints
    /// what the agent takes as context on stdout, and always exits 0, so that a failing lifecycle
    /// never stops the agent (the reason goes to stderr and, at the start, into the context).
    /// </summary>
    private static Command Hook(TextWriter output, TextWriter error)
    {
        var hook = new Argument<string>("event") { Description = $"One of: {string.Join(", ", AgentHook.Events)}" };
        var agent = new Option<string?>("--agent") { Description = "The agent that runs the hook (sets LIFECYCLE_AGENT)" };
        var command = new Command("hook", "Run by an agent's hooks: start and give the mission, checkpoint, end, reminders") { hook, agent };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(agent) is { Length: > 0 } name)
            {
                // Who did the work: the start and the events read it (collaboration).
                Environment.SetEnvironmentVariable("LIFECYCLE_AGENT", name);
            }

            AgentHook.Answer answer;
            try
            {
                var input = await ReadInputAsync(cancellationToken);
                var repository = RepositoryLocator.Locate(parse.GetValue(GlobalOptions.Repo), input["cwd"] is JsonValue cwd && cwd.TryGetValue<string>(out var folder) && Directory.Exists(folder) ? folder : WorkingFolder.Current);
                answer = await new LocalSessions(() => repository).UseAsync((call, ct) => AgentHook.RunAsync(parse.GetValue(hook)!, call.Sessions, input, ct,
                    new DeliveredReminders(Path.Combine(Lifecycle.Activities.Setup.LifecyclePaths.For(repository).StateFolder, "agent-reminders.json"))), error, cancellationToken);
            }
            catch (Exception failed)
            {
                answer = new AgentHook.Answer("", $"lifecycle: the hook failed: {failed.Message}");
            }

            await output.WriteAsync(answer.Stdout);
            if (answer.Stderr.Length > 0)
            {
                await error.WriteLineAsync(answer.Stderr);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The JSON the agent writes on stdin; an empty object when there is none or it does not read.</summary>
    private static async Task<JsonObject> ReadInputAsync(CancellationToken cancellationToken)
    {
        if (!Console.IsInputRedirected)
        {
            return [];
        }

        try
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            var text = await Console.In.ReadToEndAsync(wait.Token);
            return JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (Exception unreadable) when (unreadable is JsonException or OperationCanceledException)
        {
            return [];
        }
    }

    private static int Print(CommandContext context, IAgentIntegration agent, string verb, IReadOnlyList<string> changed)
    {
        if (context.Json)
        {
            context.WriteJson(new { agent = agent.Name, changed });
            return ExitCodes.Ok;
        }

        if (changed.Count == 0)
        {
            context.Out.WriteLine(verb == "installed"
                ? $"{agent.Name}: already installed; nothing changed."
                : $"{agent.Name}: nothing of lifecycle's was installed; nothing changed.");
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"{agent.Name} {verb}:");
        foreach (var line in changed)
        {
            context.Out.WriteLine($"  {line}");
        }

        if (verb == "installed" && agent.Files.Count > 0)
        {
            // 'lifecycle end' puts uncommitted files away: uncommitted hooks would go with them.
            context.Out.WriteLine($"Now commit {string.Join(" and ", agent.Files)}: 'lifecycle end' puts uncommitted files away, these with the rest.");
        }

        return ExitCodes.Ok;
    }
}
