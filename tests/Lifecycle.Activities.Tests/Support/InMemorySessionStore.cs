using System.Text.Json;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Support;

/// <summary>
/// An <see cref="ISessionStore"/> in memory. Sessions are kept as JSON, so an activity that changes
/// a session without saving it changes nothing here, as with the real database.
/// </summary>
public sealed class InMemorySessionStore : ISessionStore
{
    private readonly Dictionary<string, string> _sessions = [];
    private readonly List<SessionEvent> _events = [];

    public int Saves { get; private set; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<SessionContext?> GetLatestAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.Keys.Order(StringComparer.Ordinal).LastOrDefault() is { } id ? Read(id) : null);

    public async Task<SessionHead?> GetLatestHeadAsync(CancellationToken cancellationToken) =>
        await GetLatestAsync(cancellationToken) is { } latest ? new SessionHead(latest.SessionId, latest.State) : null;

    public Task<SessionContext?> GetAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.ContainsKey(sessionId) ? Read(sessionId) : null);

    public Task SaveAsync(SessionContext session, CancellationToken cancellationToken)
    {
        _sessions[session.SessionId] = JsonSerializer.Serialize(session, JsonSerializerOptions.Web);
        Saves++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionContext>>([.. _sessions.Keys.Order(StringComparer.Ordinal).Select(Read)]);

    public Task<SessionEvent> AppendEventAsync(SessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        var recorded = sessionEvent with { Sequence = _events.Count + 1 };
        _events.Add(recorded);
        return Task.FromResult(recorded);
    }

    public Task<IReadOnlyList<SessionEvent>> AppendEventsAsync(IReadOnlyList<SessionEvent> events, Func<SessionEvent, SessionEvent, SessionEvent?>? merge, CancellationToken cancellationToken)
    {
        var stored = new List<SessionEvent>();
        foreach (var sessionEvent in events)
        {
            var last = _events.FindLastIndex(e => e.SessionId == sessionEvent.SessionId);
            if (last >= 0 && merge?.Invoke(_events[last], sessionEvent) is { } merged)
            {
                _events[last] = merged;
                stored.Add(merged);
            }
            else
            {
                var recorded = sessionEvent with { Sequence = _events.Count + 1 };
                _events.Add(recorded);
                stored.Add(recorded);
            }
        }

        return Task.FromResult<IReadOnlyList<SessionEvent>>(stored);
    }

    public Task<IReadOnlyList<SessionEvent>> GetEventsAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionEvent>>([.. _events.Where(e => e.SessionId == sessionId)]);

    public Task<Page<SessionEvent>> QueryEventsAsync(SessionEventQuery query, CancellationToken cancellationToken)
    {
        var matching = _events.Where(query.Matches).ToList();
        return Task.FromResult(new Page<SessionEvent>(matching.Count, query.Offset, query.Limit, [.. matching.Skip(query.Offset).Take(query.Limit)]));
    }

    /// <summary>The stored session (a copy); fails the test when it does not exist.</summary>
    public SessionContext Get(string sessionId) => Read(sessionId);

    private SessionContext Read(string id) => JsonSerializer.Deserialize<SessionContext>(_sessions[id], JsonSerializerOptions.Web)!;
}
