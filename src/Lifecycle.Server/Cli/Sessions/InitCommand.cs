using System.CommandLine;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Persistence;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>init</c>: creates <c>.lifecycle/</c>, keeps it out of git, installs the hooks (chaining existing ones).</summary>
public static class InitCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("init", "Prepare this git repository: .lifecycle/ (excluded from git), the database, and git hooks that record commits and checkouts");
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var paths = GitPaths.Of(context.Repository);
            await using var host = new EmbeddedHost(paths.WorkingDirectory, liveLog: null);
            await host.Engine.Store.InitializeAsync(cancellationToken);
            await new SqliteSessionStore(host.DatabasePath).InitializeAsync(cancellationToken);
            var excluded = GitExclude.Ensure(paths, ".lifecycle/");
            var hooks = HookInstaller.Install(paths, LifecycleExecutable.ShellCommand());
            if (context.Json)
            {
                context.WriteJson(new
                {
                    repository = paths.WorkingDirectory,
                    stateFolder = host.StateFolder,
                    excluded,
                    hooks = hooks.Select(h => new { hook = h.Hook, path = h.Path, chainedTo = h.ChainedTo, updated = h.Updated }),
                });
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"Initialized lifecycle in {paths.WorkingDirectory}");
            context.Out.WriteLine($"  state: {host.StateFolder}{(excluded ? " (added to .git/info/exclude)" : "")}");
            foreach (var hook in hooks)
            {
                context.Out.WriteLine($"  hook {hook.Hook}: {(hook.Updated ? "updated" : "installed")}{(hook.ChainedTo is null ? "" : $", runs your {Path.GetFileName(hook.ChainedTo)} first")}");
            }

            return ExitCodes.Ok;
        });
    }
}
