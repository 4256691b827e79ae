using Lifecycle.Activities.Sessions;
using Lifecycle.Workflows.Hosting;
using Microsoft.Data.Sqlite;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// One-time set-up of the libraries a command will need (JavaScript engine, JSON metadata, SQLite's
/// native library), done on a second core while the command parses its arguments and opens its
/// stores, instead of on its critical path.
/// </summary>
/// <remarks>
/// Measured at about 55 ms off every session command (docs/PERFORMANCE.md). Nothing here has
/// effects a command can see, so a command never waits for it, and a failure here is ignored: the
/// command then does the same set-up itself and reports any real problem.
/// <para>
/// Only what the command will use is warmed: the JavaScript engine only for the commands that run
/// workflows. Its first engine costs about 70 ms of CPU (Jint reads every time zone file of the
/// system in a static constructor), which a command that runs no workflow would pay for nothing
/// on a shared second core; <c>--version</c> and <c>--help</c> warm nothing.
/// </para>
/// </remarks>
internal static class StartupWarmup
{
    /// <summary>The commands that run workflows (the first word of the command line).</summary>
    private static readonly HashSet<string> RunWorkflows = new(StringComparer.Ordinal) { "start", "end", "event", "workflow", "recover", "init" };

    /// <summary>The commands that touch neither the stores nor the session types.</summary>
    private static readonly HashSet<string> NothingToWarm = new(StringComparer.Ordinal) { "--version", "--help", "-h", "-?" };

    /// <summary>The commands that go through the repository's server when it runs (docs/SERVER.md).</summary>
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal) { "start", "end", "status", "task", "event", "checkpoint", "report", "sessions" };

    public static void Begin(string[] args)
    {
        if (Command(args) is { } command)
        {
            // Through a server, the command only reads JSON: the engine and SQLite would be warmed
            // for nothing, on the core the request needs.
            var local = !Served.Contains(command) || !ServerMayRun(args);
            var engine = local && RunWorkflows.Contains(command);
            _ = Task.Run(() => Run(engine, local));
        }
    }

    /// <summary>
    /// True when <c>.lifecycle/server.json</c> exists in the repository the command works on (found
    /// upward from <c>--repo</c> or the current folder, as the command finds it): a cheap guess
    /// (whether the server really runs is the command's to check), good enough for what to warm.
    /// </summary>
    private static bool ServerMayRun(string[] args)
    {
        try
        {
            var index = Array.IndexOf(args, "--repo");
            var start = index >= 0 && index + 1 < args.Length ? Path.GetFullPath(args[index + 1]) : Environment.CurrentDirectory;
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, Lifecycle.Activities.Setup.LifecyclePaths.FolderName, "server.json")))
                {
                    return true;
                }

                if (Path.Exists(Path.Combine(folder.FullName, ".git")))
                {
                    return false;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A folder that cannot be read: warm as usual; the command reports the problem.
        }

        return false;
    }

    /// <summary>The command's first word; null when there is none or nothing is worth warming.</summary>
    private static string? Command(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (NothingToWarm.Contains(args[i]))
            {
                return null;
            }

            if (args[i] == "--repo")
            {
                i++;
            }
            else if (!args[i].StartsWith('-'))
            {
                return args[i];
            }
        }

        return null;
    }

    private static void Run(bool engine, bool sqlite)
    {
        try
        {
            using (CommandTrace.Begin("warm-up: session JSON metadata"))
            {
                SessionsWarmup.Run();
            }

            if (engine)
            {
                using var span = CommandTrace.Begin("warm-up: JavaScript engine, workflow JSON metadata");
                EngineWarmup.Run();
            }

            if (sqlite)
            {
                using var span = CommandTrace.Begin("warm-up: SQLite");
                using var connection = new SqliteConnection("Data Source=:memory:");
                connection.Open();
            }
        }
        catch (Exception)
        {
            // Deliberately ignored: see the remarks.
        }
    }
}
