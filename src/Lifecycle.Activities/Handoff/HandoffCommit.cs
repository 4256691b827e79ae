namespace Lifecycle.Activities.Handoff;

/// <summary>A commit of the session as the handoff lists it (<c>{sha, message, time}</c>).</summary>
/// <param name="Sha">The full commit id.</param>
/// <param name="Message">The first line of its message.</param>
/// <param name="Time">When it was committed.</param>
public sealed record HandoffCommit(string Sha, string Message, DateTimeOffset Time);
