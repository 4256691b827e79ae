using System.CommandLine;
using Lifecycle.Server.Mcp;

namespace Lifecycle.Server.Cli.Agents;

/// <summary><c>mcp</c>: the MCP server over stdio, for coding agents (docs/AGENTS.md).</summary>
public static class McpCommand
{
    public static Command Build(TextWriter output, TextWriter error) =>
        new Command("mcp", "Serve the session tools and resources to a coding agent over MCP (stdio)").Handle(output, error, async (context, cancellationToken) =>
        {
            // Located per call: an agent started outside a repository gets the reason from each tool, not a dead server.
            await McpStdio.RunAsync(() => context.Repository, cancellationToken);
            return ExitCodes.Ok;
        });
}
