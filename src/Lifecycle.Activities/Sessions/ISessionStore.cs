namespace Lifecycle.Activities.Sessions;

/// <summary>Where sessions and their events are kept (the system of record, <c>.lifecycle/lifecycle.db</c>).</summary>
public interface ISessionStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The session with the highest id, whatever its state; null before the first.</summary>
    Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken);

    /// <summary>The id and state of the session with the highest id, without reading the session; null before the first.</summary>
    Task<SessionHead?> GetLatestHeadAsync(CancellationToken cancellationToken);

    Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the session.</summary>
    Task SaveAsync(SessionContext session, CancellationToken cancellationToken);

    /// <summary>Every session, oldest first.</summary>
    Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Records an event; returns it with its sequence number.</summary>
    Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="events"/> in one transaction (group commit: one wait for the disk for
    /// all of them), in order; returns each as stored, in the same order.
    /// </summary>
    /// <param name="events">The events, of any sessions.</param>
    /// <param name="merge">
    /// Given a session's latest stored event and the next one, the latest event extended by the
    /// next (its row is updated, keeping its sequence), or null to append the next as a row of its
    /// own; e.g. <see cref="HeartbeatPulse.Merge"/>. Null appends every event.
    /// </param>
    /// <param name="cancellationToken">Cancels before the commit; nothing is then recorded.</param>
    Task<IReadOnlyList<SessionEvent>> AppendEventsAsync(IReadOnlyList<SessionEvent> events, Func<SessionEvent, SessionEvent, SessionEvent?>? merge, CancellationToken cancellationToken);

    /// <summary>A session's events in the order they were recorded.</summary>
    Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// A page of a session's events filtered by type and time, with how many match in all: the
    /// HTTP API's paged listing, without reading a long session's events whole.
    /// </summary>
    Task<Page<SessionEvent>> QueryEventsAsync(SessionEventQuery query, CancellationToken cancellationToken);
}
