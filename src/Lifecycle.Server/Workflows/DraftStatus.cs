namespace Lifecycle.Server.Workflows;

/// <summary>A draft just saved: where it is and how it stands against the published versions.</summary>
/// <param name="Id">The workflow id.</param>
/// <param name="File">The draft's file, relative to the repository.</param>
/// <param name="PublishedVersion">The version in force; null when nothing is published yet.</param>
/// <param name="Published">True when the draft's content is the version in force (publishing it would change nothing).</param>
public sealed record DraftStatus(string Id, string File, int? PublishedVersion, bool Published);
