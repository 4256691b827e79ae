using System.Text.Json.Nodes;

namespace Lifecycle.Server.Agents;

/// <summary>
/// Claude Code: hooks in <c>.claude/settings.json</c> (the session starts with the agent's, its
/// mission and handoff given to the agent as context; a checkpoint before the context is
/// compacted; the session ends with the agent's; due reminders with each prompt) and the MCP
/// server in <c>.mcp.json</c>. Our hooks are known by their command (<c>agent hook … --agent
/// claude-code</c>), so install replaces them in place and uninstall removes them alone.
/// </summary>
public sealed class ClaudeCodeIntegration : IAgentIntegration
{
    public const string AgentName = "claude-code";

    /// <summary>The hook events and the <c>agent hook</c> event each runs, with its timeout in seconds.</summary>
    internal static readonly (string Event, string Hook, int TimeoutSeconds)[] Hooks =
    [
        ("SessionStart", AgentHook.SessionStart, 120),
        ("PreCompact", AgentHook.PreCompact, 60),
        ("SessionEnd", AgentHook.SessionEnd, 120),
        ("UserPromptSubmit", AgentHook.Prompt, 30),
    ];

    public string Name => AgentName;

    public string Description => "Claude Code: hooks in .claude/settings.json, the MCP server in .mcp.json";

    public IReadOnlyList<string> Files { get; } = [".claude/settings.json", ".mcp.json"];

    public IReadOnlyList<string> Install(string repository, string command)
    {
        var changed = new List<string>();
        var settingsPath = SettingsPath(repository);
        var mcpPath = McpPath(repository);
        // Both files are read before either is written: a broken one leaves both as they were.
        var settings = JsonSettingsFile.Read(settingsPath, ".claude/settings.json");
        var mcp = JsonSettingsFile.Read(mcpPath, ".mcp.json");

        // Checked before anything is changed: a member that is not what Claude Code expects is the user's to fix.
        var hooks = JsonSettingsFile.Object(settings, "hooks", ".claude/settings.json");
        foreach (var (name, _, _) in Hooks)
        {
            JsonSettingsFile.Array(hooks, name, ".claude/settings.json");
        }

        var servers = JsonSettingsFile.Object(mcp, "mcpServers", ".mcp.json");
        foreach (var (name, hook, timeout) in Hooks)
        {
            var groups = JsonSettingsFile.Array(hooks, name, ".claude/settings.json");
            var ours = new JsonObject
            {
                ["type"] = "command",
                ["command"] = $"{command} agent hook {hook} --agent {AgentName}",
                ["timeout"] = timeout,
            };
            // In place when it is there already (a second install keeps the order the user gave the hooks).
            if (groups.OfType<JsonObject>().SelectMany(g => g["hooks"] as JsonArray ?? []).FirstOrDefault(IsOurs) is JsonObject present)
            {
                present.ReplaceWith(ours);
            }
            else
            {
                groups.Add(new JsonObject { ["hooks"] = new JsonArray(ours) });
            }

            hooks[name] = groups;
        }

        settings["hooks"] = hooks;
        if (JsonSettingsFile.Write(settingsPath, settings))
        {
            changed.Add($".claude/settings.json: hooks {string.Join(", ", Hooks.Select(h => h.Event))} run 'lifecycle agent hook'");
        }

        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        servers[McpServerName] = new JsonObject
        {
            ["command"] = words[0],
            ["args"] = new JsonArray([.. words.Skip(1).Select(w => (JsonNode)w), "mcp"]),
            ["env"] = new JsonObject { ["LIFECYCLE_AGENT"] = AgentName },
        };
        mcp["mcpServers"] = servers;
        if (JsonSettingsFile.Write(mcpPath, mcp))
        {
            changed.Add($".mcp.json: MCP server '{McpServerName}' runs '{command} mcp'");
        }

        return changed;
    }

    public IReadOnlyList<string> Uninstall(string repository)
    {
        var changed = new List<string>();
        var settingsPath = SettingsPath(repository);
        var mcpPath = McpPath(repository);
        var settings = JsonSettingsFile.Read(settingsPath, ".claude/settings.json");
        var mcp = JsonSettingsFile.Read(mcpPath, ".mcp.json");

        if (settings["hooks"] is JsonObject hooks)
        {
            foreach (var (name, _, _) in Hooks)
            {
                if (hooks[name] is JsonArray groups)
                {
                    RemoveOurs(groups);
                    if (groups.Count == 0)
                    {
                        hooks.Remove(name);
                    }
                }
            }

            if (hooks.Count == 0)
            {
                settings.Remove("hooks");
            }
        }

        if (File.Exists(settingsPath) && JsonSettingsFile.Write(settingsPath, settings))
        {
            changed.Add(".claude/settings.json: lifecycle's hooks removed");
            DeleteIfEmpty(Path.GetDirectoryName(settingsPath)!);
        }

        if (mcp["mcpServers"] is JsonObject servers && servers.Remove(McpServerName))
        {
            if (servers.Count == 0)
            {
                mcp.Remove("mcpServers");
            }

            JsonSettingsFile.Write(mcpPath, mcp);
            changed.Add($".mcp.json: MCP server '{McpServerName}' removed");
        }

        return changed;
    }

    /// <summary>The name the MCP server is registered under; the agent shows its tools as <c>mcp__lifecycle__…</c>.</summary>
    public const string McpServerName = "lifecycle";

    private static string SettingsPath(string repository) => Path.Combine(repository, ".claude", "settings.json");

    private static string McpPath(string repository) => Path.Combine(repository, ".mcp.json");

    /// <summary>Removes our hooks from the groups of one event, and the groups that held only ours.</summary>
    private static void RemoveOurs(JsonArray groups)
    {
        foreach (var group in groups.OfType<JsonObject>().ToList())
        {
            if (group["hooks"] is not JsonArray entries)
            {
                continue;
            }

            var mine = entries.Where(IsOurs).ToList();
            foreach (var entry in mine)
            {
                entries.Remove(entry);
            }

            if (mine.Count > 0 && entries.Count == 0)
            {
                groups.Remove(group);
            }
        }
    }

    private static bool IsOurs(JsonNode? entry) =>
        entry?["command"] is JsonValue value && value.TryGetValue<string>(out var command)
        && command.Contains(" agent hook ", StringComparison.Ordinal) && command.EndsWith($"--agent {AgentName}", StringComparison.Ordinal);

    private static void DeleteIfEmpty(string folder)
    {
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
