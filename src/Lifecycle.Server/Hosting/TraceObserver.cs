using System.Collections.Concurrent;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>Each activity's run as a <see cref="CommandTrace"/> line: registered only while tracing is on.</summary>
internal sealed class TraceObserver : IJournalObserver
{
    private readonly ConcurrentDictionary<(string, string), CommandTrace.Span> _running = new();

    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
        var key = (execution.InstanceId, entry.ActivityId);
        if (entry.Event == JournalEvent.Started)
        {
            _running[key] = CommandTrace.Begin($"activity {entry.ActivityType} ({entry.ActivityId})");
        }
        else if ((entry.Event is JournalEvent.Completed or JournalEvent.Faulted or JournalEvent.Suspended) && _running.TryRemove(key, out var span))
        {
            span.Dispose();
        }
    }
}
