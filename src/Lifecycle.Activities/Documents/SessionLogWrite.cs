namespace Lifecycle.Activities.Documents;

/// <summary>What became of a write to a session log; a write never throws for the caller's sake.</summary>
/// <param name="Status">Written, skipped (with the reason) or failed (with the problem).</param>
/// <param name="Path">The log's full path.</param>
/// <param name="Detail">Why it was skipped or what failed; null when written.</param>
/// <param name="Redacted">The secrets removed from what was written, by kind; null when nothing was written.</param>
public sealed record SessionLogWrite(SessionLogWriteStatus Status, string Path, string? Detail = null, IReadOnlyDictionary<string, int>? Redacted = null)
{
    /// <summary>True when the entries are in the log.</summary>
    public bool Written => Status == SessionLogWriteStatus.Written;

    /// <summary>One line for a journal or stderr: "appended to …", "skipped: …", "could not write …: …".</summary>
    public override string ToString() => Status switch
    {
        SessionLogWriteStatus.Written => $"Session log {System.IO.Path.GetFileName(Path)} written.",
        SessionLogWriteStatus.Skipped => $"Session log {System.IO.Path.GetFileName(Path)} not written: {Detail}.",
        _ => $"Could not write the session log {Path}: {Detail}",
    };
}
