namespace Lifecycle.Server.Sessions;

/// <summary>A session's report or handoff document.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Format">md (the report) or json (the handoff).</param>
/// <param name="Text">The document.</param>
/// <param name="Source">Where it was read: the work tree, or the branch whose tip holds it when it is not checked out.</param>
public sealed record ReportDocument(string SessionId, string Format, string Text, string Source);
