namespace Lifecycle.Server.Persistence;

/// <summary>One recorded session event.</summary>
public sealed class SessionEventRecord
{
    public long Sequence { get; set; }

    public required string SessionId { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public string? Data { get; set; }
}
