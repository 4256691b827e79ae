using System.CommandLine;
using System.Net;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lifecycle.Server.Cli.Serving;

/// <summary>
/// <c>serve [--urls URL] [--allow-remote]</c>: runs the repository's server (HTTP API, scheduler,
/// watcher) until SIGTERM or Ctrl-C, which stop it cleanly (exit 0) once running instances reach a
/// persisted point.
/// </summary>
public static class ServeCommand
{
    private static readonly Option<string> Urls = new("--urls")
    {
        Description = "Where to listen, e.g. http://127.0.0.1:5170 (default: loopback on a free port, written to .lifecycle/server.json)",
        DefaultValueFactory = _ => ServerOptions.DefaultUrls,
    };

    private static readonly Option<bool> AllowRemote = new("--allow-remote")
    {
        Description = "Allow --urls to name an address other than loopback; the token is then the only protection",
    };

    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("serve", "Run the HTTP API, the scheduler and the file watcher for this repository") { Urls, AllowRemote };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var context = new CommandContext(parse, output, error);
            try
            {
                return await ServeAsync(context, cancellationToken);
            }
            catch (Exception ex)
            {
                return ErrorReporter.Report(context, ex);
            }
        });
        return command;
    }

    private static async Task<int> ServeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var urls = context.Parse.GetValue(Urls)!;
        var remote = context.Parse.GetValue(AllowRemote);
        ListenUrls.Check(urls);
        var exposed = ExposedAddresses(urls);
        if (exposed.Count > 0 && !remote)
        {
            throw new UsageException(
                $"--urls {urls} listens beyond this machine ({string.Join(", ", exposed)}); pass --allow-remote as well if you mean it (the token in .lifecycle/token is then the only protection), or use http://127.0.0.1:PORT.");
        }

        return await RunAsync(context, context.Repository, urls, remote, exposed, cancellationToken);
    }

    /// <summary>
    /// Serves <paramref name="repository"/> until Ctrl-C or SIGTERM: claims <c>.lifecycle/server.json</c>,
    /// starts the host, prints where it listens and a one-time login URL (or them as JSON with --json).
    /// <c>demo --serve</c> runs it on the demo's repository.
    /// </summary>
    internal static async Task<int> RunAsync(CommandContext context, string repository, string urls, bool remote, IReadOnlyList<string> exposed, CancellationToken cancellationToken)
    {
        // Before anything is created: in a folder that is no repository, serve would make .lifecycle/
        // there and watch the whole folder (a home directory) for a session that can never start.
        Lifecycle.Server.Sessions.WorkingTree.Require(repository);
        var options = new ServerOptions(repository) { Urls = urls, AllowRemote = remote };
        var paths = LifecyclePaths.For(options.Repository);
        var file = new ServerFile(paths);
        file.Claim();
        try
        {
            using var host = ServerHost.CreateBuilder(options).Build();
            // The log is written from a buffer (Serving/ServerLogging): a crash writes out what it holds
            // first (UseSerilog makes the server's logger the static one, which CloseAndFlush disposes).
            AppDomain.CurrentDomain.UnhandledException += (_, _) => Serilog.Log.CloseAndFlush();
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (IOException busy) when (busy.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                throw new Lifecycle.Activities.SessionException(
                    $"{busy.Message.TrimEnd('.')}; choose another port with --urls, or leave --urls out for a free one.", Lifecycle.Activities.ErrorKind.Conflict);
            }

            var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            file.Publish(address);
            var login = host.Services.GetRequiredService<LoginCodes>().Issue();
            if (context.Json)
            {
                context.WriteJson(new { url = address, pid = Environment.ProcessId, login = $"{address}/login?code={login}", tokenFile = paths.TokenFile });
            }
            else
            {
                context.Out.WriteLine($"Lifecycle serves {paths.Root} at {address} (process {Environment.ProcessId}).");
                context.Out.WriteLine($"  dashboard login (works once): {address}/login?code={login}");
                context.Out.WriteLine($"  API: {address}/api with 'Authorization: Bearer' and the token in {paths.TokenFile}; reference at {address}/scalar");
                if (exposed.Count > 0)
                {
                    context.Out.WriteLine($"  warning: listening on {string.Join(", ", exposed)}; the token is the only protection.");
                }

                context.Out.WriteLine("  Ctrl-C or SIGTERM stops it.");
            }

            await context.Out.FlushAsync(cancellationToken);
            await host.WaitForShutdownAsync(CancellationToken.None);
        }
        finally
        {
            file.Release();
        }

        return ExitCodes.Ok;
    }

    /// <summary>The hosts of <paramref name="urls"/> that are not loopback (any address, a name, a LAN address).</summary>
    private static List<string> ExposedAddresses(string urls)
    {
        var exposed = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = Microsoft.AspNetCore.Http.BindingAddress.Parse(url).Host;
            var loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback)
            {
                exposed.Add(host);
            }
        }

        return exposed;
    }
}
