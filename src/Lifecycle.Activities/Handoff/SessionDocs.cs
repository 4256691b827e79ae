namespace Lifecycle.Activities.Handoff;

/// <summary>The four documents of a session, as repository-relative paths with forward slashes.</summary>
/// <param name="SessionId">The five-digit session id.</param>
/// <param name="Log">The session log, <c>SESSION-NNNNN-LOG.md</c>, created at start and appended to.</param>
/// <param name="Handoff">The human handoff, <c>SESSION-NNNNN-HANDOFF.md</c>.</param>
/// <param name="HandoffJson">The machine handoff, <c>SESSION-NNNNN-HANDOFF.json</c>.</param>
/// <param name="Report">The report, <c>SESSION-NNNNN-REPORT.md</c>.</param>
public sealed record SessionDocs(string SessionId, string Log, string Handoff, string HandoffJson, string Report)
{
    /// <summary>Where session documents go unless the configuration says otherwise.</summary>
    public const string DefaultFolder = "docs/sessions";

    /// <summary>The four paths, in the order above.</summary>
    public IReadOnlyList<string> All => [Log, Handoff, HandoffJson, Report];

    /// <summary>
    /// The documents of <paramref name="sessionId"/> (any form <see cref="Sessions.SessionId.Parse"/>
    /// accepts) under <paramref name="folder"/>; an empty or null folder means <see cref="DefaultFolder"/>.
    /// </summary>
    public static SessionDocs For(string? folder, string sessionId)
    {
        var id = Sessions.SessionId.Normalize(sessionId);
        var root = string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder.Replace('\\', '/').TrimEnd('/');
        var prefix = root.Length == 0 ? $"SESSION-{id}" : $"{root}/SESSION-{id}";
        return new SessionDocs(id, $"{prefix}-LOG.md", $"{prefix}-HANDOFF.md", $"{prefix}-HANDOFF.json", $"{prefix}-REPORT.md");
    }
}
