namespace Lifecycle.Server.Sessions;

/// <summary>What <c>lifecycle recover</c> found and what it used.</summary>
/// <param name="Database">What became of the database: "intact", "created" (there was none) or where a damaged one was moved.</param>
/// <param name="Found">Each source looked at, one line each ("docs/sessions/SESSION-00003-HANDOFF.json: session 00003, closed").</param>
/// <param name="Imported">The sessions written into the store, each with the source it came from.</param>
/// <param name="Kept">Sessions the store already held, left as they were.</param>
/// <param name="Latest">The latest session after recovery; null when there is none.</param>
public sealed record RecoveryReport(
    string Database,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Imported,
    IReadOnlyList<string> Kept,
    string? Latest)
{
    /// <summary>
    /// The errors recorded again for imported sessions (their events went with the database), each
    /// line with the session, how many, the source (the session log's <c>[error]</c> lines, the
    /// committed handoff, or the checkpoint's last error) and each error's time and message.
    /// </summary>
    public IReadOnlyList<string> Rerecorded { get; init; } = [];
}
