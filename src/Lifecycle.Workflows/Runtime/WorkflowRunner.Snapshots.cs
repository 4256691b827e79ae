using System.Text.Json;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Runtime;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Serializes what the store needs to continue <paramref name="execution"/> elsewhere; for a
    /// faulted instance, its retry point (see <see cref="Retry"/>).
    /// </summary>
    public static string Snapshot(WorkflowExecution execution) =>
        JsonSerializer.Serialize(
            execution.Status == WorkflowStatus.Faulted && execution.RetryPoint is { } retryPoint ? retryPoint : InstanceSnapshot.Capture(execution),
            WorkflowJson.Options);

    /// <summary>
    /// The input the instance was started with, read from its stored snapshot without loading its
    /// definitions (for people looking at it); null when the snapshot holds none.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject? InputOf(StoredInstance stored)
    {
        var snapshot = JsonSerializer.Deserialize<InstanceSnapshot>(stored.Snapshot, WorkflowJson.Options);
        return snapshot?.Scopes?.FirstOrDefault(s => s.Id == 0)?.Input;
    }

    /// <summary>Loads a stored instance back into memory, with the definition versions it runs.</summary>
    public async ValueTask<WorkflowExecution> RestoreAsync(StoredInstance stored, CancellationToken cancellationToken)
    {
        var snapshot = JsonSerializer.Deserialize<InstanceSnapshot>(stored.Snapshot, WorkflowJson.Options)
                       ?? throw new WorkflowException($"Instance {stored.Id} has an empty snapshot.");
        var definitionsByScope = new Dictionary<int, Definitions.WorkflowDefinition>();
        foreach (var scope in snapshot.Scopes)
        {
            var definition = definitions is null ? null : await definitions.GetAsync(scope.DefinitionId, scope.Version, cancellationToken);
            definitionsByScope[scope.Id] = definition ??
                throw new WorkflowException($"Instance {stored.Id} needs workflow '{scope.DefinitionId}' version {scope.Version}, which is not in the store.");
        }

        var main = definitionsByScope.GetValueOrDefault(0) ??
                   await definitions!.GetAsync(stored.DefinitionId, stored.Version, cancellationToken) ??
                   throw new WorkflowException($"Instance {stored.Id} needs workflow '{stored.DefinitionId}' version {stored.Version}, which is not in the store.");
        var execution = new WorkflowExecution(stored.Id, main, new ScriptHost(_options.Expressions), stored.CreatedAt)
        {
            Status = stored.Status,
            UpdatedAt = stored.UpdatedAt,
            FinishedAt = stored.FinishedAt,
            Revision = stored.Revision,
            JournalSequence = stored.JournalSequence,
            Fault = stored.Error is null ? null : new WorkflowFault(stored.Error, stored.FaultActivityId ?? "", "", Code: stored.FaultCode),
            NextFrameId = snapshot.NextFrameId,
            NextBookmarkId = snapshot.NextBookmarkId,
        };

        foreach (var scope in snapshot.Scopes)
        {
            var restored = NewScope(execution, scope.Id, definitionsByScope[scope.Id], scope.OwnerFrameId, scope.Input, scope.Variables);
            restored.WorkflowOutputs.Clear();
            foreach (var (key, value) in scope.WorkflowOutputs)
            {
                restored.WorkflowOutputs[key] = value?.DeepClone();
            }

            foreach (var (key, value) in scope.Outputs)
            {
                restored.Script.Outputs.Set(key, execution.Scripts.FromJson(value));
            }
        }

        if (execution.Scopes.Count == 0)
        {
            NewScope(execution, 0, main, null, [], main.Variables);
        }

        execution.NextScopeId = Math.Max(snapshot.NextScopeId, execution.NextScopeId);
        foreach (var frame in snapshot.Frames)
        {
            var definition = definitionsByScope[frame.ScopeId];
            if (!definition.ByPath.TryGetValue(frame.Path, out var activity))
            {
                throw new WorkflowException($"Instance {stored.Id} refers to {frame.Path}, which workflow '{definition.Id}' version {definition.Version} does not have.");
            }

            execution.Frames[frame.Id] = new ActivityFrame(frame.Id, frame.ParentId, frame.ScopeId, activity)
            {
                State = frame.State,
                Outputs = frame.Outputs,
            };
        }

        foreach (var item in snapshot.Queue)
        {
            execution.Queue.AddLast(item);
        }

        execution.BookmarkList.AddRange(snapshot.Bookmarks);
        execution.StoredBookmarks = snapshot.Bookmarks.Count;
        return execution;
    }
}
