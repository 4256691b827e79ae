namespace Lifecycle.Server.Mcp;

/// <summary>
/// Where the MCP tools and resources reach the session use cases: the server's own service when
/// <c>/mcp</c> is served by <c>lifecycle serve</c> (<see cref="ServedSessions"/>), or, for
/// <c>lifecycle mcp</c> over stdio, the repository's running server or this process, chosen per
/// call as the CLI chooses per command (<see cref="LocalSessions"/>).
/// </summary>
public interface IMcpSessions
{
    /// <summary>
    /// Runs <paramref name="work"/> with the use cases and returns its text, followed by the notes
    /// the use case printed (<c>note: …</c>). An error the agent caused (no active session, an
    /// unknown task, a bad argument) is thrown as an MCP error with the CLI's one-line message.
    /// </summary>
    Task<string> RunAsync(Func<McpCall, CancellationToken, Task<string>> work, CancellationToken cancellationToken);
}
