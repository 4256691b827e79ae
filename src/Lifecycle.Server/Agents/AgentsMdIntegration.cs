namespace Lifecycle.Server.Agents;

/// <summary>
/// Agents without hooks (Codex, Gemini CLI, Cursor, …) read <c>AGENTS.md</c>: a section between
/// two markers tells them how to use lifecycle (commands and MCP tools). Install writes or updates
/// the section alone; uninstall removes it and leaves the rest of the file as it was.
/// </summary>
public sealed class AgentsMdIntegration : IAgentIntegration
{
    public const string Begin = "<!-- lifecycle:begin (written by 'lifecycle agent install agents-md'; 'lifecycle agent uninstall agents-md' removes it) -->";

    public const string End = "<!-- lifecycle:end -->";

    public string Name => "agents-md";

    public string Description => "any agent that reads AGENTS.md: a marked section on how to use lifecycle";

    public IReadOnlyList<string> Files { get; } = ["AGENTS.md"];

    public IReadOnlyList<string> Install(string repository, string command)
    {
        var path = FilePath(repository);
        var text = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var section = Section(command);
        var updated = Find(text) is var (start, length)
            ? text[..start] + section + text[(start + length)..]
            : text.Length == 0 ? section + "\n" : text.TrimEnd('\n') + "\n\n" + section + "\n";
        if (updated == text)
        {
            return [];
        }

        File.WriteAllText(path, updated);
        return [$"AGENTS.md: section '## Work sessions (lifecycle)' {(Find(text) is null ? "added" : "updated")}"];
    }

    public IReadOnlyList<string> Uninstall(string repository)
    {
        var path = FilePath(repository);
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (Find(text) is not var (start, length))
        {
            return [];
        }

        var before = text[..start].TrimEnd('\n');
        var after = text[(start + length)..].TrimStart('\n');
        var rest = before.Length == 0 ? after : after.Length == 0 ? before + "\n" : before + "\n\n" + after;
        if (rest.Trim().Length == 0)
        {
            File.Delete(path);
            return ["AGENTS.md: removed (it held only lifecycle's section)"];
        }

        File.WriteAllText(path, rest);
        return ["AGENTS.md: section '## Work sessions (lifecycle)' removed"];
    }

    private static string FilePath(string repository) => Path.Combine(repository, "AGENTS.md");

    /// <summary>Where the section is (from its begin marker to the end of its end marker); null when the file has none.</summary>
    private static (int Start, int Length)? Find(string text)
    {
        var start = text.IndexOf("<!-- lifecycle:begin", StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(End, start, StringComparison.Ordinal);
        return start < 0 || end < 0 ? null : (start, end + End.Length - start);
    }

    private static string Section(string command) => $"""
        {Begin}
        ## Work sessions (lifecycle)

        This repository's work happens in sessions managed by `lifecycle` (`{command} --help`).

        - At the start: `{command} start` prints the mission (what to work on first and why); the last
          handoff is in `docs/sessions/` (`{command} sessions show ID`). If a session is already
          active, `{command} status` shows it.
        - While working: `{command} task add "TEXT"`, `{command} task done ID`,
          `{command} task block ID --reason "WHY"`, `{command} task list`; record a failure with
          `{command} event error_occurred --message "WHAT"` and a decision with
          `{command} event note --message "WHAT"`; `{command} checkpoint` before a long pause.
        - At the end: `{command} end --yes --note "WHAT THE NEXT SESSION SHOULD KNOW"`.
        - Agents that speak MCP can use the same through `{command} mcp` (stdio): tools `start`,
          `mission`, `handoff`, `status`, `task_add`, `task_done`, `task_block`, `task_list`,
          `record_error`, `record_note`, `checkpoint`, `end`; resources `lifecycle://handoff/current`
          and `lifecycle://log/current`.
        {End}
        """;
}
