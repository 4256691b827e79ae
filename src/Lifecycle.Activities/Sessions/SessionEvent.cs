using System.Text.Json.Nodes;

namespace Lifecycle.Activities.Sessions;

/// <summary>Something that happened during a session, as recorded (by hooks, the watcher or commands).</summary>
/// <param name="SessionId">The session it belongs to.</param>
/// <param name="Type">One of <see cref="SessionEventTypes"/>.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Data">Details: a file path, a commit sha, a task id, an error message.</param>
/// <param name="Sequence">Order of recording, assigned by the store.</param>
public sealed record SessionEvent(string SessionId, string Type, DateTimeOffset Timestamp, JsonObject? Data = null, long Sequence = 0);
