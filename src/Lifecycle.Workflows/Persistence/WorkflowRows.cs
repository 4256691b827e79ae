using Microsoft.Data.Sqlite;

namespace Lifecycle.Workflows.Persistence;

/// <summary>
/// The column lists of the workflow tables and the records read from them, in one place so every
/// query reads a row the same way. Columns and conversions as <see cref="WorkflowDbContext"/>'s
/// migrations created them (times via <see cref="StoredTime"/>).
/// </summary>
internal static class WorkflowRows
{
    public const string DefinitionColumns = "Id, Version, Name, Description, ContentHash, Source, TriggerEvents, PublishedAt";

    public const string InstanceColumns =
        "Id, DefinitionId, Version, Status, Error, FaultActivityId, FaultCode, CreatedAt, UpdatedAt, FinishedAt, Outputs, Snapshot, " +
        "Owner, Revision, JournalSequence";

    public const string BookmarkColumns = "InstanceId, BookmarkId, Event, Correlation, DueAt, ActivityId";

    public static DefinitionRecord Definition(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Version = r.GetInt32(1),
        Name = r.GetString(2),
        Description = r.GetNullableString(3),
        ContentHash = r.GetString(4),
        Source = r.GetString(5),
        TriggerEvents = r.GetString(6),
        PublishedAt = r.GetTime(7),
    };

    public static InstanceRecord Instance(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        DefinitionId = r.GetString(1),
        Version = r.GetInt32(2),
        Status = r.GetString(3),
        Error = r.GetNullableString(4),
        FaultActivityId = r.GetNullableString(5),
        FaultCode = r.GetNullableString(6),
        CreatedAt = r.GetTime(7),
        UpdatedAt = r.GetTime(8),
        FinishedAt = r.GetNullableTime(9),
        Outputs = r.GetString(10),
        Snapshot = r.GetString(11),
        Owner = r.GetNullableString(12),
        Revision = r.GetInt64(13),
        JournalSequence = r.GetInt64(14),
    };

    public static BookmarkRecord Bookmark(SqliteDataReader r) => new()
    {
        InstanceId = r.GetString(0),
        BookmarkId = r.GetInt32(1),
        Event = r.GetString(2),
        Correlation = r.GetNullableString(3),
        DueAt = r.GetNullableTime(4),
        ActivityId = r.GetString(5),
    };
}
