using Lifecycle.Activities.Setup;
using Lifecycle.Server.Cli.Remote;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// The use cases for <c>lifecycle mcp</c>: per call, through the repository's running server when
/// <c>.lifecycle/server.json</c> names one, else in this process (an embedded host built for the
/// call and disposed after it, as a CLI command does), so that a long-lived agent session holds
/// no database or lock between calls and follows a server that starts or stops meanwhile.
/// </summary>
/// <param name="repository">The repository, located when a call needs it (a folder that is not one is the call's error, not the server's).</param>
public sealed class LocalSessions(Func<string> repository) : IMcpSessions
{
    public async Task<string> RunAsync(Func<McpCall, CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        // Notes (what the CLI prints as 'note: …' on stderr) go back to the agent with the answer.
        using var notes = new StringWriter();
        try
        {
            var text = await UseAsync(work, notes, cancellationToken);
            return notes.ToString() is { Length: > 0 } said ? $"{text.TrimEnd('\n')}\n{said.TrimEnd('\n')}" : text;
        }
        catch (Exception error) when (McpErrors.Translate(error) is { } mcp)
        {
            throw mcp;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the use cases, printing nothing on stdout (no live log
    /// lines: stdout belongs to the protocol, or to the agent's hook); notes go to <paramref name="notes"/>.
    /// </summary>
    public async Task<T> UseAsync<T>(Func<McpCall, CancellationToken, Task<T>> work, TextWriter notes, CancellationToken cancellationToken)
    {
        EmbeddedHost? host = null;
        RemoteSessionApi? remote = null;
        try
        {
            var root = repository();
            SessionService Local() => (host ??= new EmbeddedHost(root, liveLog: null, notes)).Sessions;
            var paths = LifecyclePaths.For(root);
            ISessionApi api = ServerFile.Running(paths) is { } server && AccessToken.Read(paths.TokenFile) is { } token
                ? remote = new RemoteSessionApi(server.Url, token, Local, liveLog: null, notes, cancellationToken)
                : Local();
            return await work(new McpCall(api, Local, Lifecycle.Activities.Collaboration.AgentEnvironment.OfThisProcess()), cancellationToken);
        }
        finally
        {
            remote?.Dispose();
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }
}
