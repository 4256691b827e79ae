using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Demo;

/// <summary>What the demo did, for the command to print.</summary>
/// <param name="Repository">The demo repository's root (a temp folder, left for the user to explore).</param>
/// <param name="First">The first session's start and its mission.</param>
/// <param name="Closed">Its end and the handoff.</param>
/// <param name="Second">The next session's start, which brought the unfinished work back, and its mission.</param>
/// <param name="Documents">The session documents in the work tree, repository-relative.</param>
public sealed record DemoOutcome(string Repository, StartOutcome First, EndOutcome Closed, StartOutcome Second, IReadOnlyList<string> Documents);
