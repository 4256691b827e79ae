using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Documents;

/// <summary>Where a session's documents are on disk, and writing them (folders created, LF text, no BOM).</summary>
internal static class SessionDocuments
{
    /// <summary>The four documents of <paramref name="sessionId"/> as absolute paths under the configured docs folder.</summary>
    public static SessionDocs For(RepositoryContext repository, string sessionId)
    {
        var docs = SessionDocs.For(repository.Config.DocsFolder, sessionId);
        return new SessionDocs(docs.SessionId, Full(repository, docs.Log), Full(repository, docs.Handoff), Full(repository, docs.HandoffJson), Full(repository, docs.Report));
    }

    /// <summary>Writes a document with its secrets redacted (<see cref="Redaction.SecretRedactor"/>); returns what was written and what was removed.</summary>
    public static async Task<Redaction.RedactionResult> WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        var redacted = Redaction.SecretRedactor.RedactDocument(path, text);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, redacted.Text, cancellationToken);
        return redacted;
    }

    private static string Full(RepositoryContext repository, string relative) =>
        Path.GetFullPath(Path.Combine(repository.Root, relative));
}
