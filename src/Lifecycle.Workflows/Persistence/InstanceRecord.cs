namespace Lifecycle.Workflows.Persistence;

/// <summary>A workflow instance: its status, data and the snapshot that lets it continue.</summary>
public sealed class InstanceRecord
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public int Version { get; set; }

    public required string Status { get; set; }

    public string? Error { get; set; }

    /// <summary>
    /// What the instance is about (e.g. a session id): the correlation of the stimulus that started
    /// it, else of the first correlated bookmark it waited on; kept once set, for filtering.
    /// </summary>
    public string? Correlation { get; set; }

    public string? FaultActivityId { get; set; }

    /// <summary>The fault's machine-readable kind (e.g. blocked), when it has one.</summary>
    public string? FaultCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The workflow's outputs as JSON.</summary>
    public string Outputs { get; set; } = "{}";

    public string Snapshot { get; set; } = "{}";

    /// <summary>The process that runs it while Running (<c>machine:pid:start</c>), to recover it when that process died.</summary>
    public string? Owner { get; set; }

    /// <summary>Raised by every write; a write that expects another revision is refused (optimistic concurrency).</summary>
    public long Revision { get; set; }

    public long JournalSequence { get; set; }
}
