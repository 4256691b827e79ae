using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Workflows.Runtime;

/// <summary>Journal recording: entries, their data and the observers that see them.</summary>
public sealed partial class WorkflowRunner
{
    private static JsonObject? InputsAndOutputs(ActivityFrame frame)
    {
        if (frame.Inputs is null && frame.Outputs is null)
        {
            return null;
        }

        var data = new JsonObject();
        if (frame.Inputs is { } inputs)
        {
            data["inputs"] = inputs;
            frame.Inputs = null;
        }

        if (frame.Outputs is { } outputs)
        {
            data["outputs"] = outputs.DeepClone();
        }

        return data;
    }

    private string JournalId(WorkflowExecution execution, ActivityFrame frame) =>
        frame.ScopeId == 0 ? frame.Activity.DisplayId : $"{execution.Scopes[frame.ScopeId].Definition.Id}:{frame.Activity.DisplayId}";

    private void Record(WorkflowExecution execution, ActivityFrame frame, JournalEvent journalEvent, string? message = null, JsonNode? data = null)
    {
        var entry = new JournalEntry(++execution.JournalSequence, Time.GetUtcNow(), JournalId(execution, frame),
            frame.Activity.Type, journalEvent, message, Truncate(data));
        execution.PendingEntries.Add(entry);
        foreach (var observer in _observers)
        {
            try
            {
                observer.OnEntry(execution, entry);
            }
            catch (Exception ex)
            {
                LogObserverFailed(_logger, ex, observer.GetType().Name);
            }
        }
    }

    private JsonNode? Truncate(JsonNode? data)
    {
        if (data is null)
        {
            return null;
        }

        var text = data.ToJsonString(WorkflowJson.Options);
        return text.Length <= _options.JournalDataLimit
            ? data
            : new JsonObject { ["truncated"] = true, ["length"] = text.Length, ["preview"] = text[.._options.JournalDataLimit] };
    }


    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {ActivityType} {ActivityId} of instance {InstanceId} threw")]
    private static partial void LogActivityException(ILogger logger, Exception exception, string activityType, string activityId, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Journal observer {Observer} failed; it is skipped for this entry")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer);
}
