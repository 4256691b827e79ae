using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.State;

namespace Lifecycle.Server.Cli.Sessions;

/// <summary><c>.lifecycle/state.json</c>: the checkpoint of the current session (atomic, checksummed, with backups).</summary>
internal static class SessionStateFile
{
    public static StateFile<SessionContext> For(CommandContext context) =>
        new(Path.Combine(context.Repository, ".lifecycle", "state.json"), TimeProvider.System);

    /// <summary>Reads the checkpoint, telling the user on stderr when it had to be restored from a backup.</summary>
    public static async Task<SessionContext?> ReadAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var file = For(context);
        if (!File.Exists(file.Path) && !File.Exists(file.BackupPath(1)))
        {
            return null;
        }

        var read = await file.ReadAsync(cancellationToken);
        if (read?.Notice is { } notice)
        {
            context.Error.WriteLine($"note: {notice}");
        }

        return read?.Value;
    }
}
