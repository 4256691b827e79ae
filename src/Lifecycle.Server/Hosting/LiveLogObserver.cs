using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>Prints what <c>Log</c> activities write as they run, for human output.</summary>
internal sealed class LiveLogObserver(TextWriter output) : IJournalObserver
{
    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
        if (entry is { Event: JournalEvent.Completed, ActivityType: "Log", Message: { } message })
        {
            output.WriteLine($"  log: {message}");
            output.Flush();
        }
    }
}
