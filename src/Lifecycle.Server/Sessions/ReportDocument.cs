namespace Lifecycle.Server.Sessions;

/// <summary>A report as text: one session's, or the report across sessions.</summary>
/// <param name="SessionId">The session; empty for the report across sessions.</param>
/// <param name="Format">md, json or html.</param>
/// <param name="Text">The document.</param>
/// <param name="Source">
/// Where one session's handoff was read: the work tree, or the branch whose tip holds it when it is
/// not checked out; <c>database</c> for the report across sessions.
/// </param>
public sealed record ReportDocument(string SessionId, string Format, string Text, string Source);
