namespace Lifecycle.Workflows.Persistence;

/// <summary>A bookmark of a suspended instance, indexed so a stimulus finds it without loading instances.</summary>
public sealed class BookmarkRecord
{
    public required string InstanceId { get; set; }

    public int BookmarkId { get; set; }

    public required string Event { get; set; }

    public string? Correlation { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public required string ActivityId { get; set; }
}
