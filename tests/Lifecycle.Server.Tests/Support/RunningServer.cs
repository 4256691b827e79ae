using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Tests.Support;

/// <summary>
/// The real <c>lifecycle serve</c> process on a free loopback port, for end-to-end tests: started
/// by the real CLI, ready once <c>.lifecycle/server.json</c> names its address, stopped with SIGTERM.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private RunningServer(Process process, string url, string token)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        Url = url;
        Token = token;
    }

    public string Url { get; }

    public string Token { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts <c>serve</c> in the runner's folder and waits (up to a minute) until it listens.</summary>
    public static async Task<RunningServer> StartAsync(CliRunner cli, params string[] extra)
    {
        var paths = LifecyclePaths.For(cli.WorkingDirectory);
        var process = cli.Start(["serve", .. extra]);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            if (File.Exists(paths.ServerFile) && JsonNode.Parse(await File.ReadAllTextAsync(paths.ServerFile)) is { } file && (int?)file["pid"] == process.Id)
            {
                return new RunningServer(process, (string)file["url"]!, (await File.ReadAllTextAsync(paths.TokenFile)).Trim());
            }

            await Task.Delay(50);
        }

        process.Kill();
        throw new TimeoutException("serve did not write .lifecycle/server.json within a minute");
    }

    /// <summary>A client of the server that sends the token.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>Sends SIGTERM and waits for the process to end; returns its exit code and output.</summary>
    public async Task<CliResult> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await _process.WaitForExitAsync(timeout.Token);
        return new CliResult(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Ends the process at once, as a crash would (nothing cleaned up).</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await StopAsync();
        }

        _process.Dispose();
    }
}
