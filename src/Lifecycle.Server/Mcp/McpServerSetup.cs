using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// The MCP server's tools and resources, the same over stdio (<c>lifecycle mcp</c>) and HTTP
/// (<c>/mcp</c> on <c>lifecycle serve</c>). Every class of this assembly marked
/// <c>[McpServerToolType]</c> or <c>[McpServerResourceType]</c> is registered: a new tool is one
/// more file in <c>Mcp/Tools/</c>.
/// </summary>
public static class McpServerSetup
{
    /// <summary>What the server tells the agent at the handshake (clients show it as the server's instructions).</summary>
    public const string Instructions =
        "Lifecycle manages this repository's work sessions. At the start, call 'start' (or read 'mission' when a session is already active) " +
        "and read the handoff ('handoff', or resource lifecycle://handoff/current). Keep tasks with task_add / task_done / task_block, " +
        "record failures with record_error and decisions with record_note, call 'checkpoint' before long pauses, and call 'end' with a note " +
        "for the next session when the work stops.";

    public static IMcpServerBuilder AddLifecycleMcp(this IServiceCollection services) =>
        services.AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "lifecycle", Version = typeof(McpServerSetup).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
                options.ServerInstructions = Instructions;
            })
            .WithToolsFromAssembly(typeof(McpServerSetup).Assembly)
            .WithResourcesFromAssembly(typeof(McpServerSetup).Assembly)
            .WithRequestFilters(filters => filters.AddCallToolFilter(McpToolErrors.Filter));
}
