using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// <c>lifecycle mcp</c>: the MCP server on stdin/stdout until the client closes stdin. Stdout
/// carries JSON-RPC only: the host logs warnings and errors to stderr, and the use cases print
/// nothing (their notes go back in the answers).
/// </summary>
public static class McpStdio
{
    public static async Task RunAsync(Func<string> repository, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The SDK logs every failed call with its stack; the agent got the error's one line already.
        builder.Logging.AddFilter("ModelContextProtocol.Server.McpServer", LogLevel.Critical);
        builder.Services.AddSingleton<IMcpSessions>(new LocalSessions(repository));
        builder.Services.AddLifecycleMcp().WithStdioServerTransport();
        using var host = builder.Build();
        await host.RunAsync(cancellationToken);
    }
}
