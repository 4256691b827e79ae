using System.Collections.Concurrent;
using System.Text.Json;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Git.Activities;

/// <summary>
/// An <see cref="ISessionStore"/> in memory that hands out copies (a JSON round trip), so an
/// activity that changes a session without saving it changes nothing, as with the real store.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SessionEvent> _events = new();

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.Keys.Order(StringComparer.Ordinal).LastOrDefault() is { } id ? Copy(_sessions[id]) : null);

    public Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.TryGetValue(sessionId, out var json) ? Copy(json) : null);

    public Task SaveAsync(SessionContext session, CancellationToken cancellationToken)
    {
        _sessions[session.SessionId] = JsonSerializer.Serialize(session);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionContext>>([.. _sessions.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Copy(p.Value)!)]);

    public Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(sessionEvent);
        return Task.FromResult(sessionEvent);
    }

    public Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionEvent>>([.. _events.Where(e => e.SessionId == sessionId)]);

    /// <summary>The stored session (a copy); fails the test when it does not exist.</summary>
    public SessionContext Get(string sessionId) => Copy(_sessions[sessionId])!;

    private static SessionContext? Copy(string json) => JsonSerializer.Deserialize<SessionContext>(json);
}
