using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The few shorthands the stores' hand-written SQL needs: parameterized commands and nullable columns.</summary>
public static class SqliteCommands
{
    /// <summary>A command with named parameters (e.g. <c>("$id", id)</c>); a null value goes in as NULL.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>A command in <paramref name="transaction"/>, which Microsoft.Data.Sqlite requires to be named on every command.</summary>
    public static SqliteCommand Command(this SqliteTransaction transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = transaction.Connection!.Command(sql, parameters);
        command.Transaction = transaction;
        return command;
    }

    /// <summary>
    /// Expands <paramref name="name"/> in the command text into one parameter per value, for
    /// <c>IN (...)</c> (as EF Core did); no values make <c>IN ()</c>, which matches nothing.
    /// </summary>
    public static SqliteCommand WithList(this SqliteCommand command, string name, System.Collections.IEnumerable values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var parameter = $"{name}_{names.Count}";
            command.Parameters.AddWithValue(parameter, value);
            names.Add(parameter);
        }

        command.CommandText = command.CommandText.Replace(name, string.Join(", ", names), StringComparison.Ordinal);
        return command;
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>A nullable time column, stored as <see cref="StoredTime"/> does.</summary>
    public static DateTimeOffset? GetNullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredTime.FromStored(reader.GetInt64(ordinal));

    /// <summary>A time column, stored as <see cref="StoredTime"/> does.</summary>
    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        StoredTime.FromStored(reader.GetInt64(ordinal));

    /// <summary>Every row the command returns, read by <paramref name="read"/>; disposes the command.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    /// <summary>The first row the command returns, or null when none; disposes the command.</summary>
    public static async Task<T?> ReadFirstAsync<T>(this SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
        }
    }
}
