using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Lifecycle.Server.Tests.Support;

/// <summary>
/// A real <c>lifecycle serve</c> on a free loopback port (port 0: the kernel picks it) in a
/// repository, ready once it has written <c>.lifecycle/server.json</c>; stopped with SIGTERM.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, string repository)
    {
        _process = process;
        Repository = repository;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Repository { get; }

    /// <summary>Where the server listens, from its <c>server.json</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>What the server printed so far (its console log).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(CliRunner cli)
    {
        var serve = new ServeProcess(cli.Start("serve", "--urls", "http://127.0.0.1:0"), cli.WorkingDirectory);
        var file = Path.Combine(cli.WorkingDirectory, ".lifecycle", "server.json");
        var waited = Stopwatch.StartNew();
        while (!File.Exists(file))
        {
            if (serve._process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"lifecycle serve did not come up (exit {(serve._process.HasExited ? serve._process.ExitCode : "none")}):\n{serve.Output}");
            }

            await Task.Delay(50);
        }

        serve.Url = (string)JsonNode.Parse(await File.ReadAllTextAsync(file))!["url"]!;
        return serve;
    }

    /// <summary>SIGTERM, then waits for the clean stop; returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
