using System.Text.Json;

namespace Lifecycle.Activities.Configuration;

/// <summary>Walks a parsed config document section by section, collecting every problem.</summary>
internal sealed partial class ConfigReader
{
    private const int MaxMinutes = 7 * 24 * 60;
    private const int MaxTimeoutSeconds = 24 * 60 * 60;

    private static readonly string[] RootKeys =
        ["$schema", "idleThresholdMinutes", "checkpointIntervalMinutes", "inactivityAutoCloseMinutes", "retentionDays", "docsFolder", "stash", "commitDocs", "manualMode", "coverageReport", "realityChecks", "goals", "timing"];

    private static readonly string[] RealityKeys = ["builtins", "minimumFreeDiskMegabytes", "agents"];
    private static readonly string[] BuiltinsKeys = ["gitIntegrity", "noMergeConflicts", "diskSpace"];
    private static readonly string[] BuiltinKeys = ["enabled", "weight"];
    private static readonly string[] AgentKeys = ["name", "run", "weight", "timeoutSeconds", "quick"];

    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public LifecycleConfig ReadRoot(JsonElement root)
    {
        var defaults = LifecycleConfig.Default;
        if (!ExpectObject(root, "$", "the configuration"))
        {
            return defaults;
        }

        CheckKeys(root, "$", RootKeys);
        if (root.TryGetProperty("$schema", out var schema) && schema.ValueKind != JsonValueKind.String)
        {
            Add("$.$schema", $"Expected a string (the schema's URL); found {Describe(schema)}.");
        }

        return new LifecycleConfig
        {
            IdleThresholdMinutes = ReadInt(root, "$", "idleThresholdMinutes", defaults.IdleThresholdMinutes, 1, MaxMinutes, "minutes"),
            CheckpointIntervalMinutes = ReadInt(root, "$", "checkpointIntervalMinutes", defaults.CheckpointIntervalMinutes, 1, MaxMinutes, "minutes"),
            InactivityAutoCloseMinutes = ReadInt(root, "$", "inactivityAutoCloseMinutes", defaults.InactivityAutoCloseMinutes, 0, MaxMinutes, "minutes", " (0 turns auto-close off)"),
            RetentionDays = ReadInt(root, "$", "retentionDays", defaults.RetentionDays, 0, ConfigLimits.MaxRetentionDays, "days", " (0 keeps ended instances forever)"),
            DocsFolder = ReadRelativePath(root, "$", "docsFolder", "docs/sessions") ?? defaults.DocsFolder,
            Stash = ReadBool(root, "$", "stash", defaults.Stash),
            CommitDocs = ReadBool(root, "$", "commitDocs", defaults.CommitDocs),
            ManualMode = ReadBool(root, "$", "manualMode", defaults.ManualMode),
            CoverageReport = ReadRelativePath(root, "$", "coverageReport", "coverage/cobertura.xml", nullable: true),
            RealityChecks = root.TryGetProperty("realityChecks", out var reality) ? ReadRealityChecks(reality, "$.realityChecks") : defaults.RealityChecks,
            Goals = root.TryGetProperty("goals", out var goals) ? ReadGoals(goals, "$.goals") : defaults.Goals,
            Timing = root.TryGetProperty("timing", out var timing) ? ReadTiming(timing, "$.timing") : defaults.Timing,
        };
    }

    private RealityChecksConfig ReadRealityChecks(JsonElement section, string path)
    {
        var defaults = new RealityChecksConfig();
        if (!ExpectObject(section, path, "the reality-check settings"))
        {
            return defaults;
        }

        CheckKeys(section, path, RealityKeys);
        return new RealityChecksConfig
        {
            Builtins = section.TryGetProperty("builtins", out var builtins) ? ReadBuiltins(builtins, $"{path}.builtins") : defaults.Builtins,
            MinimumFreeDiskMegabytes = ReadInteger(section, path, "minimumFreeDiskMegabytes", defaults.MinimumFreeDiskMegabytes, 0, 1L << 40, "megabytes"),
            Agents = section.TryGetProperty("agents", out var agents) ? ReadAgents(agents, $"{path}.agents") : defaults.Agents,
        };
    }

    private BuiltinChecksConfig ReadBuiltins(JsonElement section, string path)
    {
        var defaults = new BuiltinChecksConfig();
        if (!ExpectObject(section, path, "the built-in agents"))
        {
            return defaults;
        }

        CheckKeys(section, path, BuiltinsKeys);
        return new BuiltinChecksConfig
        {
            GitIntegrity = ReadBuiltin(section, path, "gitIntegrity"),
            NoMergeConflicts = ReadBuiltin(section, path, "noMergeConflicts"),
            DiskSpace = ReadBuiltin(section, path, "diskSpace"),
        };
    }

    private BuiltinCheckConfig ReadBuiltin(JsonElement parent, string parentPath, string name)
    {
        var defaults = new BuiltinCheckConfig();
        var path = $"{parentPath}.{name}";
        if (!parent.TryGetProperty(name, out var section) || !ExpectObject(section, path, $"the {name} settings ({{\"enabled\": true, \"weight\": 1}})"))
        {
            return defaults;
        }

        CheckKeys(section, path, BuiltinKeys);
        return new BuiltinCheckConfig
        {
            Enabled = ReadBool(section, path, "enabled", defaults.Enabled),
            Weight = ReadWeight(section, path, "weight"),
        };
    }

    private IReadOnlyList<RealityAgentConfig> ReadAgents(JsonElement array, string path)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            Add(path, $"Expected an array of agents like [{{\"name\": \"tests\", \"run\": \"dotnet test\"}}]; found {Describe(array)}.");
            return [];
        }

        var agents = new List<RealityAgentConfig>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{index}]";
            var agent = ReadAgent(item, itemPath);
            if (agent?.Name is { Length: > 0 } name)
            {
                if (BuiltinChecksConfig.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    Add($"{itemPath}.name", $"Agent name '{name}' is taken by a built-in agent ({string.Join(", ", BuiltinChecksConfig.Names)}); configure it under realityChecks.builtins or choose another name.");
                }
                else if (seen.TryGetValue(name, out var first))
                {
                    Add($"{itemPath}.name", $"Agent name '{name}' is already used by {path}[{first}]; give each agent its own name.");
                }
                else
                {
                    seen[name] = index;
                }
            }

            if (agent is not null)
            {
                agents.Add(agent);
            }

            index++;
        }

        return agents;
    }

    private RealityAgentConfig? ReadAgent(JsonElement item, string path)
    {
        if (!ExpectObject(item, path, "an agent ({\"name\": \"tests\", \"run\": \"dotnet test\"})"))
        {
            return null;
        }

        CheckKeys(item, path, AgentKeys);
        var name = ReadRequiredString(item, path, "name", "a short name such as \"tests\"");
        var run = ReadRequiredString(item, path, "run", "a shell command such as \"dotnet test\"");
        return new RealityAgentConfig
        {
            Name = name ?? "",
            Run = run ?? "",
            Weight = ReadWeight(item, path, "weight"),
            TimeoutSeconds = ReadInt(item, path, "timeoutSeconds", RealityAgentConfig.DefaultTimeoutSeconds, 1, MaxTimeoutSeconds, "seconds"),
            Quick = ReadBool(item, path, "quick", false),
        };
    }
}
