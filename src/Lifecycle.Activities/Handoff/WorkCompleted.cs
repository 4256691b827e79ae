using Lifecycle.Activities.Tasks;

namespace Lifecycle.Activities.Handoff;

/// <summary>What the session did: the handoff's <c>workCompleted</c>.</summary>
/// <remarks>
/// <see cref="FilesModified"/> and <see cref="LinesChanged"/> count the commits and the work put away
/// alike, as the productivity metrics do; a file changed by two commits counts once in
/// <see cref="FilesModified"/> and twice in <see cref="LinesChanged"/>.
/// </remarks>
public sealed record WorkCompleted
{
    /// <summary>The session's commits, oldest first.</summary>
    public required IReadOnlyList<HandoffCommit> Commits { get; init; }

    /// <summary>How many tasks were done.</summary>
    public required int TasksCompleted { get; init; }

    /// <summary>Distinct files changed by the commits or put away.</summary>
    public required int FilesModified { get; init; }

    /// <summary>Added plus deleted lines over the commits and the work put away.</summary>
    public required int LinesChanged { get; init; }

    /// <summary>Addition to the spec's shape: the tasks done, in the order they were added.</summary>
    public IReadOnlyList<SessionTask> CompletedTasks { get; init; } = [];

    /// <summary>Addition to the spec's shape: every file behind <see cref="FilesModified"/>, in path order.</summary>
    public IReadOnlyList<HandoffFile> Files { get; init; } = [];
}
