using System.CommandLine;
using System.Text.Json;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Serving;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli;

/// <summary>What a command handler works with: the repository, the output mode, the writers and the host.</summary>
public sealed class CommandContext(ParseResult parse, TextWriter output, TextWriter error) : IAsyncDisposable
{
    private EmbeddedHost? _host;
    private ISessionApi? _sessions;
    private readonly CancellationTokenSource _remoteStop = new();
    private bool _stopRequested;

    public ParseResult Parse { get; } = parse;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool Json => Parse.GetValue(GlobalOptions.Json);

    /// <summary>The repository folder, located once.</summary>
    public string Repository => field ??= RepositoryLocator.Locate(Parse.GetValue(GlobalOptions.Repo), WorkingFolder.Current);

    /// <summary>Lifecycle on this repository, built once per command; live log lines go to stdout in text mode only.</summary>
    public EmbeddedHost Host
    {
        get
        {
            if (_host is null)
            {
                _host = new EmbeddedHost(Repository, Json ? null : Out, Error);
                if (_stopRequested)
                {
                    _host.StopSignal.Request();
                }
            }

            return _host;
        }
    }

    /// <summary>
    /// The session use cases: through the repository's running server when <c>.lifecycle/server.json</c>
    /// names one (DESIGN.md: the CLI talks to it over HTTP), else in this process.
    /// </summary>
    public ISessionApi Sessions => _sessions ??= ServerFile.Running(LifecyclePaths.For(Repository)) is { } server ? ConnectRemote(server) : Host.Sessions;

    /// <summary>True when <see cref="Sessions"/> goes through the server: no workflow runs in this process to show the progress of.</summary>
    public bool IsRemote { get; private set; }

    /// <summary>Ctrl-C or SIGTERM: running workflows stop at their next persisted point.</summary>
    public void RequestStop()
    {
        _stopRequested = true;
        _host?.StopSignal.Request();
        // The server's workflows cannot be asked for a safe point from here: the request is given up, which the server sees as a cancelled command.
        _remoteStop.Cancel();
    }

    /// <summary>The client of the server; kept out of <see cref="Sessions"/> so that a command without a server loads no HTTP types.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private ISessionApi ConnectRemote(ServerFile.Content server)
    {
        if (AccessToken.Read(LifecyclePaths.For(Repository).TokenFile) is not { } token)
        {
            return Host.Sessions;
        }

        IsRemote = true;
        return new Remote.RemoteSessionApi(server.Url, token, () => Host.Sessions, Json ? null : Out, Error, _remoteStop.Token);
    }

    public void WriteJson(object value)
    {
        Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));
    }

    /// <summary>Reads a file the user named, with a clear message when it cannot.</summary>
    public string ReadUserFile(string path, string what = "a workflow definition (.json)")
    {
        var full = Path.GetFullPath(path, WorkingFolder.Current);
        if (Directory.Exists(full))
        {
            throw new UsageException($"'{path}' is a folder; give the path of {what}.");
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"File '{path}' does not exist. Give the path of {what}.");
        }

        var text = File.ReadAllText(full);
        return string.IsNullOrWhiteSpace(text) ? throw new UsageException($"File '{path}' is empty; it should hold {what}.") : text;
    }

    public async ValueTask DisposeAsync()
    {
        (_sessions as IDisposable)?.Dispose();
        _remoteStop.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
