using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Persistence;

/// <summary>Where definitions, instances, bookmarks and the journal are kept.</summary>
/// <remarks>
/// Every write of an instance carries the journal entries recorded since the previous write, in
/// the same transaction, and is refused with <see cref="ConcurrencyConflictException"/> when
/// another process wrote the instance in between.
/// </remarks>
public interface IWorkflowStore : IDefinitionSource, IInstanceHistory, IJournalFeed
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new version when the content differs from the latest; returns the version in force.</summary>
    Task<(WorkflowDefinition Definition, bool Created)> PublishAsync(WorkflowDefinition definition, CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionSummary>> ListDefinitionsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken cancellationToken);

    /// <summary>Latest versions of workflows with an <c>Event</c> trigger for <paramref name="eventName"/>.</summary>
    Task<IReadOnlyList<WorkflowDefinition>> FindTriggeredAsync(string eventName, CancellationToken cancellationToken);

    /// <summary>Writes a new instance with its pending journal.</summary>
    Task InsertAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken);

    /// <summary>Writes an instance's current state, bookmarks and pending journal, if its revision is unchanged.</summary>
    Task SaveAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken);

    /// <summary>
    /// Writes an intermediate point of a run (<c>everyActivity</c>) as <see cref="SaveAsync"/> does,
    /// without waiting for the disk: it survives the process being killed at once, and a power cut
    /// from the next durable write on (the run's end or suspension writes durably).
    /// </summary>
    /// <remarks>A store without a cheaper write saves as <see cref="SaveAsync"/> does.</remarks>
    Task CheckpointAsync(WorkflowExecution execution, string? owner, CancellationToken cancellationToken) =>
        SaveAsync(execution, owner, cancellationToken);

    /// <summary>
    /// Until disposed, the commits this async flow makes to the store's file (activities' writes to
    /// a store that shares it) need not wait for the disk; the engine holds it while a run goes
    /// between its durable saves (<see cref="DeferredSync"/>). Null for a store without the notion.
    /// </summary>
    IDisposable? DeferSync() => null;

    Task<StoredInstance?> LoadAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>True while any of <paramref name="bookmarkIds"/> is still stored for the instance.</summary>
    Task<bool> HasBookmarksAsync(string instanceId, IReadOnlyCollection<int> bookmarkIds, CancellationToken cancellationToken);

    /// <summary>
    /// Faults an instance that cannot be loaded (e.g. its definition no longer reads), if it is still
    /// at the stored revision: its bookmarks go and the journal says why.
    /// </summary>
    Task FaultAsync(StoredInstance stored, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Gives up this process's claim on a Running instance (after a failure), so the next start recovers it.</summary>
    Task ReleaseAsync(string instanceId, long revision, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookmarkMatch>> FindBookmarksAsync(string eventName, string? correlation, string? instanceId, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookmarkMatch>> FindDueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every stored timer with its due time, earliest first: what a scheduler that fires on time must know about.</summary>
    Task<IReadOnlyList<TimerMatch>> FindTimersAsync(CancellationToken cancellationToken);

    /// <summary>Instances in <see cref="WorkflowStatus.Running"/> with their owners, to find orphans.</summary>
    Task<IReadOnlyList<(string InstanceId, string? Owner)>> FindRunningAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<InstanceSummary>> ListInstancesAsync(WorkflowStatus? status, string? workflowId, int limit, CancellationToken cancellationToken);

    Task<InstanceSummary?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>The journal of an instance after <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, CancellationToken cancellationToken);
}
