using Lifecycle.Activities.Sessions;

namespace Lifecycle.Server.Sessions;

/// <summary>A checkpoint written: the session and the file.</summary>
public sealed record CheckpointOutcome(string SessionId, SessionState State, string Path);
