namespace Lifecycle.Server.Persistence;

/// <summary>One session: its state and context as JSON.</summary>
public sealed class SessionRecord
{
    public required string Id { get; set; }

    public required string State { get; set; }

    public DateTimeOffset StartTime { get; set; }

    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The whole <see cref="Lifecycle.Activities.Sessions.SessionContext"/> as JSON.</summary>
    public required string Context { get; set; }
}
