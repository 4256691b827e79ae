namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The database has migrations this binary does not know: a newer lifecycle wrote it. Nothing
/// was read or written; the user should upgrade rather than let an older schema guess.
/// </summary>
public sealed class DatabaseTooNewException(string databasePath, IReadOnlyList<string> unknownMigrations)
    : WorkflowException(
        $"The state database {databasePath} was written by a newer lifecycle (it has migration {string.Join(", ", unknownMigrations)}, " +
        "which this version does not know). Upgrade lifecycle to use it.")
{
    public string DatabasePath { get; } = databasePath;

    public IReadOnlyList<string> UnknownMigrations { get; } = unknownMigrations;
}
