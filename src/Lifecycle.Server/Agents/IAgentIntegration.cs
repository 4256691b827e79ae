namespace Lifecycle.Server.Agents;

/// <summary>
/// What <c>lifecycle agent install NAME</c> sets up for one coding agent, and what
/// <c>agent uninstall NAME</c> takes away again: only what install added, the user's own settings
/// kept as they were.
/// </summary>
public interface IAgentIntegration
{
    /// <summary>The name on the command line, e.g. <c>claude-code</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help and the list of known names.</summary>
    string Description { get; }

    /// <summary>The files install writes, relative to the repository (to be committed: a session's end puts uncommitted files away).</summary>
    IReadOnlyList<string> Files { get; }

    /// <summary>Merges the integration into the repository's files; a second install changes nothing.</summary>
    /// <param name="repository">The repository's root.</param>
    /// <param name="command">How the agent runs lifecycle, e.g. <c>lifecycle</c>.</param>
    /// <returns>A line per file changed; empty when all was in place.</returns>
    IReadOnlyList<string> Install(string repository, string command);

    /// <returns>A line per file changed; empty when nothing of ours was there.</returns>
    IReadOnlyList<string> Uninstall(string repository);
}
