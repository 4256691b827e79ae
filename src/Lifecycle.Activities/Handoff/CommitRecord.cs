using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Handoff;

/// <summary>A commit made during the session, as the handoff needs it: <see cref="SessionCommit"/> plus its message and time.</summary>
/// <param name="Sha">The commit id.</param>
/// <param name="Message">The first line of the commit message.</param>
/// <param name="Time">When it was committed.</param>
/// <param name="Files">The files it changed, with line counts.</param>
public sealed record CommitRecord(string Sha, string Message, DateTimeOffset Time, IReadOnlyList<FileChange> Files)
{
    /// <summary>The same commit as the productivity calculator takes it.</summary>
    public SessionCommit ToSessionCommit() => new(Sha, Files);
}
