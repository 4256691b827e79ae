using Lifecycle.Server.Tests.Support;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Lifecycle.Server.Tests.Mcp;

/// <summary>The MCP SDK's own client on the real server: <c>lifecycle mcp</c> over stdio, or <c>/mcp</c> of a running <c>serve</c>.</summary>
internal static class McpClients
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "lifecycle.dll");

    /// <summary>Starts the built <c>lifecycle mcp</c> in <paramref name="cli"/>'s folder and connects to it; its stderr lines go to <paramref name="stderr"/>.</summary>
    public static Task<McpClient> StdioAsync(CliRunner cli, List<string>? stderr = null) =>
        McpClient.CreateAsync(new StdioClientTransport(new StdioClientTransportOptions
        {
            Command = "dotnet",
            Arguments = ["exec", Binary, "mcp"],
            WorkingDirectory = cli.WorkingDirectory,
            EnvironmentVariables = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            StandardErrorLines = line => { lock (stderr ?? []) { stderr?.Add(line); } },
            Name = "lifecycle",
        }), new McpClientOptions { ClientInfo = new() { Name = "test-agent", Version = "1.0" } }, cancellationToken: Timeout());

    /// <summary>Connects to <c>/mcp</c> of the server at <paramref name="url"/> with the bearer token.</summary>
    public static Task<McpClient> HttpAsync(string url, string token) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(url.TrimEnd('/') + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        }), new McpClientOptions { ClientInfo = new() { Name = "test-agent", Version = "1.0" } }, cancellationToken: Timeout());

    /// <summary>Calls a tool and returns its text and whether it is an error.</summary>
    public static async Task<(string Text, bool IsError)> CallAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var result = await client.CallToolAsync(tool, arguments ?? [], cancellationToken: Timeout());
        return (string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text)), result.IsError == true);
    }

    /// <summary>Calls a tool that must succeed and returns its text.</summary>
    public static async Task<string> OkAsync(this McpClient client, string tool, Dictionary<string, object?>? arguments = null)
    {
        var (text, isError) = await client.CallAsync(tool, arguments);
        Assert.False(isError, $"{tool} failed: {text}");
        return text;
    }

    /// <summary>The text of a resource.</summary>
    public static async Task<string> ReadTextAsync(this McpClient client, string uri)
    {
        var result = await client.ReadResourceAsync(uri, cancellationToken: Timeout());
        return string.Join("\n", result.Contents.OfType<TextResourceContents>().Select(c => c.Text));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
