namespace Lifecycle.Server.Sessions;

/// <summary>What <c>lifecycle start</c> was asked to do.</summary>
/// <param name="Force">Override protocol blocks (recorded in the journal).</param>
/// <param name="Yes">Confirm required actions up front.</param>
/// <param name="NoStash">Do not restore the previous session's stashed work.</param>
/// <param name="Agent">The coding agent starting the session, as the caller knows it (the CLI and the agent hooks from their own environment: <c>LIFECYCLE_AGENT</c> or an agent's variables; the MCP server from its environment or its client's name); null: a person. Never the environment of the server that runs the start.</param>
/// <param name="TimeboxMinutes">The session's timebox (<c>--timebox</c>), 1 to 720 minutes; null takes <c>timing.timeboxMinutes</c> from the config.</param>
public sealed record StartRequest(bool Force = false, bool Yes = false, bool NoStash = false, string? Agent = null, int? TimeboxMinutes = null);
