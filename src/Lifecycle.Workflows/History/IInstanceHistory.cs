namespace Lifecycle.Workflows.History;

/// <summary>
/// The execution history as people browse and tidy it: listings, journals, cancel and delete,
/// retention. Part of <see cref="Persistence.IWorkflowStore"/>; kept apart because nothing on the
/// run path uses it.
/// </summary>
public interface IInstanceHistory
{
    /// <summary>A page of the instances <paramref name="filter"/> matches, newest first, after <paramref name="after"/>.</summary>
    Task<InstancePage> QueryInstancesAsync(InstanceFilter filter, InstanceCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>One instance in full, or null when there is none with that id.</summary>
    Task<InstanceDetails?> GetDetailsAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>A page of one instance's journal, filtered.</summary>
    Task<JournalPage> GetJournalPageAsync(JournalQuery query, CancellationToken cancellationToken);

    /// <summary>The status, owner and revision of each of <paramref name="instanceIds"/> that exists.</summary>
    Task<IReadOnlyList<InstanceClaim>> GetClaimsAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels an instance if it is still at <paramref name="claim"/>'s revision: status Cancelled,
    /// bookmarks removed, the journal says why. False when it changed meanwhile.
    /// </summary>
    Task<bool> CancelAsync(InstanceClaim claim, string reason, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the instances (with their journal and bookmarks) still at the given revisions, in
    /// one short transaction; returns the ids deleted.
    /// </summary>
    Task<IReadOnlyList<string>> DeleteAsync(IReadOnlyCollection<InstanceClaim> claims, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes at most <paramref name="batchSize"/> instances that ended (Finished, Faulted,
    /// Cancelled) before <paramref name="before"/>, with their journal and bookmarks, in one short
    /// transaction; returns how many. Callers repeat until it returns fewer than the batch.
    /// </summary>
    Task<int> DeleteEndedBeforeAsync(DateTimeOffset before, int batchSize, CancellationToken cancellationToken);
}
