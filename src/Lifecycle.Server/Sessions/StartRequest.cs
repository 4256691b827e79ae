namespace Lifecycle.Server.Sessions;

/// <summary>What <c>lifecycle start</c> was asked to do.</summary>
/// <param name="Force">Override protocol blocks (recorded in the journal).</param>
/// <param name="Yes">Confirm required actions up front.</param>
/// <param name="NoStash">Do not restore the previous session's stashed work.</param>
/// <param name="Agent">The coding agent starting the session (the CLI's <c>LIFECYCLE_AGENT</c> or agent environment, the MCP client's name); null leaves it to the environment of the process that runs the start.</param>
public sealed record StartRequest(bool Force = false, bool Yes = false, bool NoStash = false, string? Agent = null);
