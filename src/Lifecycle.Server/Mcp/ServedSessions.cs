using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Mcp;

/// <summary>The use cases of the server that serves <c>/mcp</c>: its own <see cref="SessionService"/>, as its HTTP API calls it.</summary>
public sealed class ServedSessions(SessionService sessions) : IMcpSessions
{
    public async Task<string> RunAsync(Func<McpCall, CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(new McpCall(sessions, () => sessions), cancellationToken);
        }
        catch (Exception error) when (McpErrors.Translate(error) is { } mcp)
        {
            throw mcp;
        }
    }
}
