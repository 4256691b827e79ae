using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.History;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Workflows.Hosting;

/// <summary>
/// Operations on existing instances: cancel, retry from the failed activity, delete, one at a time
/// or in bulk (in small batches, each its own short transaction).
/// </summary>
public sealed partial class WorkflowEngine
{
    /// <summary>How many instances a bulk operation reads and changes at a time.</summary>
    public const int BulkBatchSize = 100;

    /// <summary>Runs a new instance of a published definition, recording what it is about (<paramref name="correlation"/>).</summary>
    public async Task<RunResult> RunAsync(WorkflowDefinition definition, JsonObject? input, string? correlation, CancellationToken cancellationToken = default)
    {
        if (definition.Version == 0)
        {
            throw new WorkflowException($"Workflow '{definition.Id}' is not published; publish it before running it.");
        }

        var execution = runner.Create(definition, input);
        execution.Correlation = correlation;
        await Store.InsertAsync(execution, Owner, cancellationToken);
        return await ContinueAsync(execution, cancellationToken);
    }

    /// <summary>
    /// Cancels a Suspended instance, or a Running one whose process died: its bookmarks go and the
    /// journal says why. A Running instance that a live process runs is refused (it would write again).
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">It ended already, or a live process runs it.</exception>
    public async Task CancelAsync(string instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        var claim = await ClaimAsync(instanceId, cancellationToken);
        if (CancelRefusal(claim) is { } refusal)
        {
            throw new InstanceStateException(instanceId, claim.Status, refusal);
        }

        if (!await Store.CancelAsync(claim, Reason(reason), runner.Time.GetUtcNow(), cancellationToken))
        {
            throw Changed(claim);
        }

        LogCancelled(_logger, instanceId, claim.WorkflowId);
    }

    /// <summary>
    /// Runs a Faulted instance again from its failed activity, with its variables as they were when
    /// it failed (the journal records a <c>Resumed</c> entry saying it was retried), until it
    /// finishes, faults or suspends.
    /// </summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">It is not Faulted, or kept no point to retry from.</exception>
    public async Task<RunResult> RetryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var stored = await Store.LoadAsync(instanceId, cancellationToken) ?? throw new InstanceNotFoundException(instanceId);
        if (stored.Status != WorkflowStatus.Faulted)
        {
            throw new InstanceStateException(instanceId, stored.Status,
                $"Instance {instanceId} is {stored.Status}; only a Faulted instance can be retried.");
        }

        WorkflowExecution execution;
        try
        {
            execution = await runner.RestoreAsync(stored, cancellationToken);
            runner.Retry(execution, "Retried by request: the failed activity runs again with the variables as they were.");
        }
        catch (Exception ex) when (ex is WorkflowException or JsonException)
        {
            throw new InstanceStateException(instanceId, stored.Status, $"Instance {instanceId} cannot be retried: {ex.Message}");
        }

        if (!await TryClaimAsync(execution, cancellationToken))
        {
            throw new InstanceStateException(instanceId, stored.Status, $"Instance {instanceId} changed while it was being retried; look at it again and retry.");
        }

        LogRetried(_logger, instanceId, stored.DefinitionId);
        return await ContinueAsync(execution, cancellationToken);
    }

    /// <summary>Deletes an instance with its journal and bookmarks; one a live process runs is refused.</summary>
    /// <exception cref="InstanceNotFoundException">No such instance.</exception>
    /// <exception cref="InstanceStateException">A live process runs it.</exception>
    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var claim = await ClaimAsync(instanceId, cancellationToken);
        if (DeleteRefusal(claim) is { } refusal)
        {
            throw new InstanceStateException(instanceId, claim.Status, refusal);
        }

        if ((await Store.DeleteAsync([claim], cancellationToken)).Count == 0)
        {
            throw Changed(claim);
        }
    }

    /// <summary>Cancels each of <paramref name="instanceIds"/> that can be, in batches; says why for the others.</summary>
    public Task<BulkResult> CancelManyAsync(IReadOnlyCollection<string> instanceIds, string? reason, CancellationToken cancellationToken = default) =>
        BulkAsync(Batches(instanceIds), (claims, ct) => CancelBatchAsync(claims, Reason(reason), ct), cancellationToken);

    /// <summary>Cancels every instance <paramref name="filter"/> matches that can be, in batches.</summary>
    public Task<BulkResult> CancelManyAsync(InstanceFilter filter, string? reason, CancellationToken cancellationToken = default) =>
        BulkAsync(Matching(filter, cancellationToken), (claims, ct) => CancelBatchAsync(claims, Reason(reason), ct), cancellationToken);

    /// <summary>Deletes each of <paramref name="instanceIds"/> that can be, a batch per transaction.</summary>
    public Task<BulkResult> DeleteManyAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken = default) =>
        BulkAsync(Batches(instanceIds), DeleteBatchAsync, cancellationToken);

    /// <summary>Deletes every instance <paramref name="filter"/> matches that can be, a batch per transaction.</summary>
    public Task<BulkResult> DeleteManyAsync(InstanceFilter filter, CancellationToken cancellationToken = default) =>
        BulkAsync(Matching(filter, cancellationToken), DeleteBatchAsync, cancellationToken);

    private async Task<BulkResult> BulkAsync(
        IAsyncEnumerable<IReadOnlyList<string>> batches,
        Func<IReadOnlyList<InstanceClaim>, CancellationToken, Task<(List<string> Done, List<BulkRefusal> Refused)>> apply,
        CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var refused = new List<BulkRefusal>();
        await foreach (var ids in batches.WithCancellation(cancellationToken))
        {
            var claims = await Store.GetClaimsAsync(ids, cancellationToken);
            var found = claims.Select(c => c.InstanceId).ToHashSet(StringComparer.Ordinal);
            refused.AddRange(ids.Where(id => !found.Contains(id)).Select(id => new BulkRefusal(id, new InstanceNotFoundException(id).Message)));
            var (batchDone, batchRefused) = await apply(claims, cancellationToken);
            done.AddRange(batchDone);
            refused.AddRange(batchRefused);
        }

        return new BulkResult(done, refused);
    }

    private async Task<(List<string>, List<BulkRefusal>)> CancelBatchAsync(IReadOnlyList<InstanceClaim> claims, string reason, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        var refused = new List<BulkRefusal>();
        foreach (var claim in claims)
        {
            if (CancelRefusal(claim) is { } refusal)
            {
                refused.Add(new BulkRefusal(claim.InstanceId, refusal));
            }
            else if (await Store.CancelAsync(claim, reason, runner.Time.GetUtcNow(), cancellationToken))
            {
                done.Add(claim.InstanceId);
                LogCancelled(_logger, claim.InstanceId, claim.WorkflowId);
            }
            else
            {
                refused.Add(new BulkRefusal(claim.InstanceId, Changed(claim).Message));
            }
        }

        return (done, refused);
    }

    private async Task<(List<string>, List<BulkRefusal>)> DeleteBatchAsync(IReadOnlyList<InstanceClaim> claims, CancellationToken cancellationToken)
    {
        var refused = claims.Select(c => (Claim: c, Reason: DeleteRefusal(c))).Where(r => r.Reason is not null)
            .Select(r => new BulkRefusal(r.Claim.InstanceId, r.Reason!)).ToList();
        var allowed = claims.Where(c => DeleteRefusal(c) is null).ToList();
        var deleted = (await Store.DeleteAsync(allowed, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        refused.AddRange(allowed.Where(c => !deleted.Contains(c.InstanceId)).Select(c => new BulkRefusal(c.InstanceId, Changed(c).Message)));
        return ([.. allowed.Where(c => deleted.Contains(c.InstanceId)).Select(c => c.InstanceId)], refused);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Batches(IReadOnlyCollection<string> instanceIds)
    {
        foreach (var chunk in instanceIds.Distinct(StringComparer.Ordinal).Chunk(BulkBatchSize))
        {
            yield return chunk;
        }

        await Task.CompletedTask;
    }

    /// <summary>The ids <paramref name="filter"/> matches, a page at a time (keyset paging: changes between pages skip nothing).</summary>
    private async IAsyncEnumerable<IReadOnlyList<string>> Matching(InstanceFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        InstanceCursor? after = null;
        while (true)
        {
            var page = await Store.QueryInstancesAsync(filter, after, BulkBatchSize, cancellationToken);
            if (page.Items.Count > 0)
            {
                yield return page.Items.Select(i => i.InstanceId).ToList();
            }

            if (page.Next is null || !InstanceCursor.TryParse(page.Next, out var next))
            {
                yield break;
            }

            after = next;
        }
    }

    private async Task<InstanceClaim> ClaimAsync(string instanceId, CancellationToken cancellationToken) =>
        (await Store.GetClaimsAsync([instanceId], cancellationToken)).SingleOrDefault() ?? throw new InstanceNotFoundException(instanceId);

    /// <summary>Why the instance cannot be cancelled now; null when it can.</summary>
    private string? CancelRefusal(InstanceClaim claim) => claim.Status switch
    {
        WorkflowStatus.Suspended => null,
        WorkflowStatus.Running when RunByLiveProcess(claim) =>
            $"Instance {claim.InstanceId} is running in process {claim.Owner}; cancel it once it suspends or ends, or stop that process first.",
        WorkflowStatus.Running => null,
        _ => $"Instance {claim.InstanceId} is {claim.Status} already; only a Suspended instance (or a Running one whose process died) can be cancelled.",
    };

    /// <summary>Why the instance cannot be deleted now; null when it can.</summary>
    private string? DeleteRefusal(InstanceClaim claim) =>
        claim.Status == WorkflowStatus.Running && RunByLiveProcess(claim)
            ? $"Instance {claim.InstanceId} is running in process {claim.Owner}; delete it once it suspends or ends."
            : null;

    private bool RunByLiveProcess(InstanceClaim claim) => claim.Owner == Owner || ProcessOwner.IsAlive(claim.Owner);

    private static InstanceStateException Changed(InstanceClaim claim) =>
        new(claim.InstanceId, claim.Status, $"Instance {claim.InstanceId} changed while this ran (another process wrote it); look at it again and retry.");

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "by request." : reason.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled instance {InstanceId} of {WorkflowId}")]
    private static partial void LogCancelled(ILogger logger, string instanceId, string workflowId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrying instance {InstanceId} of {WorkflowId} from its failed activity")]
    private static partial void LogRetried(ILogger logger, string instanceId, string workflowId);
}
