using System.CommandLine;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Hosting;
using Lifecycle.Server.Persistence;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary>
/// <c>init</c>: creates <c>.lifecycle/</c>, keeps it out of git, writes the default config (never
/// over the user's) and its schema, and installs the hooks (chaining existing ones).
/// </summary>
public static class InitCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("init", "Prepare this git repository: .lifecycle/ (excluded from git) with the database and config.json, and git hooks that record commits and checkouts");
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            Lifecycle.Server.Sessions.WorkingTree.Require(context.Repository);
            var paths = GitPaths.Of(context.Repository);
            var state = LifecyclePaths.For(paths.WorkingDirectory);
            await using var host = new EmbeddedHost(paths.WorkingDirectory, liveLog: null);
            await host.Engine.Store.InitializeAsync(cancellationToken);
            await new SqliteSessionStore(host.DatabasePath).InitializeAsync(cancellationToken);
            var excluded = GitExclude.Ensure(paths, ".lifecycle/");
            var config = ConfigFile.Ensure(state);

            // The hooks write their clock anchors here; they create no folder themselves.
            Directory.CreateDirectory(state.EventsFolder);
            var hooks = HookInstaller.Install(paths);
            if (context.Json)
            {
                context.WriteJson(new
                {
                    repository = paths.WorkingDirectory,
                    stateFolder = host.StateFolder,
                    excluded,
                    config = new { path = config.ConfigPath, created = config.ConfigCreated, schema = config.SchemaPath, schemaWritten = config.SchemaWritten },
                    hooks = hooks.Select(h => new { hook = h.Hook, path = h.Path, chainedTo = h.ChainedTo, updated = h.Updated }),
                });
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"Initialized lifecycle in {paths.WorkingDirectory}");
            context.Out.WriteLine($"  state: {host.StateFolder}{(excluded ? " (added to .git/info/exclude)" : "")}");
            context.Out.WriteLine(config.ConfigCreated
                ? $"  config: {config.ConfigPath} written with every setting at its default (docs/CONFIGURATION.md)"
                : $"  config: {config.ConfigPath} exists, kept as it is");
            context.Out.WriteLine($"  schema: {config.SchemaPath}{(config.SchemaWritten ? " written" : " up to date")}");
            foreach (var hook in hooks)
            {
                context.Out.WriteLine($"  hook {hook.Hook}: {(hook.Updated ? "updated" : "installed")}{(hook.ChainedTo is null ? "" : $", runs your {Path.GetFileName(hook.ChainedTo)} first")}");
            }

            return ExitCodes.Ok;
        });
    }
}
