using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Workflows.Journal;

/// <summary>Sees journal entries as they are recorded (before they are persisted), e.g. to print logs live.</summary>
/// <remarks>An observer that throws is logged and skipped; it never stops a workflow.</remarks>
public interface IJournalObserver
{
    void OnEntry(WorkflowExecution execution, JournalEntry entry);
}
