using System.Diagnostics;
using System.Text.Json.Nodes;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Mcp;

/// <summary>
/// The MCP Inspector's CLI mode (npm <c>@modelcontextprotocol/inspector</c> 2.12.0), an MCP client
/// written by others, run as a user runs it. <c>.ci/run</c> installs it with
/// <c>npm install --prefix</c> into <see cref="DefaultFolder"/>; <c>LIFECYCLE_MCP_INSPECTOR</c> names
/// its executable elsewhere. A missing one fails the tests that need it: it is never skipped.
/// </summary>
internal static class McpInspector
{
    /// <summary>Where <c>.ci/run</c> installs it: <c>~/.cache/lifecycle/mcp-inspector</c>.</summary>
    public static string DefaultFolder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "lifecycle", "mcp-inspector");

    public static string ExecutablePath => Environment.GetEnvironmentVariable("LIFECYCLE_MCP_INSPECTOR") is { Length: > 0 } path
        ? path
        : Path.Combine(DefaultFolder, "node_modules", ".bin", "mcp-inspector");

    /// <summary>Runs <c>mcp-inspector --cli ARGS</c> in <paramref name="folder"/>; its catalog file stays in <paramref name="folder"/>'s parent temp, never in the user's home.</summary>
    public static async Task<CliResult> RunAsync(string folder, params string[] args)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The MCP Inspector is not at {ExecutablePath}: install it with 'npm install --prefix {DefaultFolder} @modelcontextprotocol/inspector@2.12.0' (.ci/run does) or set LIFECYCLE_MCP_INSPECTOR.");
        }

        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--cli");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["MCP_CATALOG_PATH"] = Path.Combine(Path.GetTempPath(), $"lifecycle-inspector-{Guid.NewGuid():N}.json");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        File.Delete(start.Environment["MCP_CATALOG_PATH"]!);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The first JSON document the inspector printed (the server's answer; an error line may follow).</summary>
    public static JsonNode Answer(CliResult result)
    {
        var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.Stdout), new System.Text.Json.JsonReaderOptions { AllowMultipleValues = true });
        return JsonNode.Parse(ref reader) ?? throw new InvalidOperationException($"the inspector printed no JSON: {result}");
    }

    /// <summary>The arguments that make the inspector start the built <c>lifecycle mcp</c>.</summary>
    public static string[] LifecycleMcp => ["dotnet", "exec", Path.Combine(AppContext.BaseDirectory, "lifecycle.dll"), "mcp"];
}
