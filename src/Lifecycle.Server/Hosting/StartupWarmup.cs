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
/// </remarks>
internal static class StartupWarmup
{
    public static void Begin() => _ = Task.Run(Run);

    private static void Run()
    {
        try
        {
            SessionsWarmup.Run();
            EngineWarmup.Run();
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
        }
        catch (Exception)
        {
            // Deliberately ignored: see the remarks.
        }
    }
}
