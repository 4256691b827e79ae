using System.CommandLine;
using System.Text.Json;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli;

/// <summary>What a command handler works with: the repository, the output mode, the writers and the host.</summary>
public sealed class CommandContext(ParseResult parse, TextWriter output, TextWriter error) : IAsyncDisposable
{
    private EmbeddedHost? _host;
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

    /// <summary>The session use cases.</summary>
    public SessionService Sessions => Host.Sessions;

    /// <summary>Ctrl-C or SIGTERM: running workflows stop at their next persisted point.</summary>
    public void RequestStop()
    {
        _stopRequested = true;
        _host?.StopSignal.Request();
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
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
