using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>A journal observer that does nothing (a test hook that is not set).</summary>
internal sealed class NoObserver : IJournalObserver
{
    public static NoObserver Instance { get; } = new();

    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
    }
}
