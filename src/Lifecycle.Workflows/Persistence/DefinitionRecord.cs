namespace Lifecycle.Workflows.Persistence;

/// <summary>One published version of a workflow definition.</summary>
public sealed class DefinitionRecord
{
    public required string Id { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>SHA-256 of the content; a publish with the same hash as the latest adds nothing.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The definition's JSON as published.</summary>
    public required string Source { get; set; }

    /// <summary>The trigger events of this version, space separated, for event lookups.</summary>
    public string TriggerEvents { get; set; } = "";

    public DateTimeOffset PublishedAt { get; set; }
}
