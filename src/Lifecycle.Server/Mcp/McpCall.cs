using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Mcp;

/// <summary>What one tool call or resource read works with.</summary>
/// <param name="Sessions">The session use cases, as the CLI calls them (through the running server, or in this process).</param>
/// <param name="Local">
/// The application layer in this process, for the reads <see cref="ISessionApi"/> does not carry
/// (the session log); they read the same SQLite file and work tree the server does.
/// </param>
/// <param name="Agent">
/// The agent this process runs for, from its environment (<c>LIFECYCLE_AGENT</c>, set by the agent's
/// MCP registration): known for <c>lifecycle mcp</c>, null on the server's <c>/mcp</c>, whose own
/// environment says nothing of its clients.
/// </param>
public sealed record McpCall(ISessionApi Sessions, Func<SessionService> Local, string? Agent = null);
