using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Frames and scopes: removal of finished or cancelled subtrees, sub-workflow scopes.</summary>
public sealed partial class WorkflowRunner
{
    private void RemoveFrame(WorkflowExecution execution, ActivityFrame frame)
    {
        RemoveDescendants(execution, frame.Id);
        execution.Frames.Remove(frame.Id);
        execution.BookmarkList.RemoveAll(b => b.FrameId == frame.Id);
        RemoveOwnedScopes(execution, frame.Id);
    }

    internal void RemoveDescendants(WorkflowExecution execution, int frameId)
    {
        var removed = new HashSet<int> { frameId };
        bool found;
        do
        {
            found = false;
            foreach (var frame in execution.Frames.Values)
            {
                if (frame.ParentId is { } parent && removed.Contains(parent) && removed.Add(frame.Id))
                {
                    found = true;
                }
            }
        }
        while (found);

        removed.Remove(frameId);
        if (removed.Count == 0)
        {
            return;
        }

        foreach (var id in removed)
        {
            execution.Frames.Remove(id);
            RemoveOwnedScopes(execution, id);
        }

        execution.BookmarkList.RemoveAll(b => removed.Contains(b.FrameId));
        for (var node = execution.Queue.First; node is not null;)
        {
            var next = node.Next;
            if (removed.Contains(node.Value.FrameId))
            {
                execution.Queue.Remove(node);
            }

            node = next;
        }
    }

    private static void RemoveOwnedScopes(WorkflowExecution execution, int frameId)
    {
        if (execution.Scopes.Count == 1)
        {
            return;
        }

        foreach (var scope in execution.Scopes.Values.Where(s => s.OwnerFrameId == frameId).ToList())
        {
            execution.Scopes.Remove(scope.Id);
        }
    }

    internal WorkflowScope NewScope(WorkflowExecution execution, int id, WorkflowDefinition definition, int? ownerFrameId, JsonObject input, JsonObject variables)
    {
        var scripts = execution.Scripts;
        var workflow = scripts.NewObject();
        workflow.Set("id", definition.Id);
        workflow.Set("version", definition.Version);
        workflow.Set("instanceId", execution.InstanceId);
        var scope = new WorkflowScope(id, definition, ownerFrameId, input,
            new ScriptScope(scripts.ObjectFromJson(input), scripts.ObjectFromJson(variables), scripts.NewObject(), workflow));
        execution.Scopes[id] = scope;
        execution.NextScopeId = Math.Max(execution.NextScopeId, id + 1);
        return scope;
    }

    /// <summary>Starts a sub-workflow as a child of <paramref name="context"/>'s frame; returns its scope id.</summary>
    internal async ValueTask<int> StartSubWorkflowAsync(ActivityContext context, string workflowId, JsonObject? input)
    {
        var execution = context.Execution;
        var depth = 0;
        for (var scope = context.Scope; scope.OwnerFrameId is { } owner; scope = execution.Scopes[execution.Frames[owner].ScopeId])
        {
            depth++;
        }

        if (depth >= _options.MaxSubWorkflowDepth)
        {
            throw new ActivityFaultException($"sub-workflows nest deeper than {_options.MaxSubWorkflowDepth}; is '{workflowId}' calling itself?");
        }

        var definition = definitions is null ? null : await definitions.GetLatestAsync(workflowId, context.CancellationToken);
        if (definition is null)
        {
            throw new ActivityFaultException($"workflow '{workflowId}' is not published; publish it with 'lifecycle workflow publish'");
        }

        var resolved = WorkflowInputs.Resolve(definition, input);
        var sub = NewScope(execution, execution.NextScopeId, definition, context.Frame.Id, resolved, definition.Variables);
        Schedule(execution, definition.Root, context.Frame.Id, sub.Id);
        return sub.Id;
    }
}
