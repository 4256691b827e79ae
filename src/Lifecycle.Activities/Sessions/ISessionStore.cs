namespace Lifecycle.Activities.Sessions;

/// <summary>Where sessions and their events are kept (the system of record, <c>.lifecycle/lifecycle.db</c>).</summary>
public interface ISessionStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The session with the highest id, whatever its state; null before the first.</summary>
    Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken);

    Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the session.</summary>
    Task SaveAsync(SessionContext session, CancellationToken cancellationToken);

    /// <summary>Every session, oldest first.</summary>
    Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records an event; returns it with its sequence number.</summary>
    Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken);

    /// <summary>A session's events in the order they were recorded.</summary>
    Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of a session's events filtered by type and time, with how many match in all: the
    /// HTTP API's paged listing, without reading a long session's events whole.
    /// </summary>
    Task<Page<SessionEvent>> QueryEventsAsync(SessionEventQuery query, CancellationToken cancellationToken);
}
