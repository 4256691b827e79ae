using Lifecycle.Workflows.Persistence;

namespace Lifecycle.Server.Api;

/// <summary>The body of <c>GET /api/workflows/{id}/versions</c>: every published version, oldest first.</summary>
public sealed record VersionList(string Id, IReadOnlyList<DefinitionVersion> Versions);
