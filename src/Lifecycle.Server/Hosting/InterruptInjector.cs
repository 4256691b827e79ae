using System.Runtime.InteropServices;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// Sends this process SIGINT (or SIGTERM) when the activity named by <c>LIFECYCLE_INTERRUPT_AT</c>
/// (<c>ID</c> or <c>ID:TERM</c>) starts, and waits until the command's signal handler has asked
/// the engine to stop: end-to-end tests press Ctrl-C at an exact point. Inert when the variable
/// is not set.
/// </summary>
internal sealed class InterruptInjector(string activityId, int signal, WorkflowStopSignal stop) : IJournalObserver
{
    public const string Variable = "LIFECYCLE_INTERRUPT_AT";

    private const int SigInt = 2;
    private const int SigTerm = 15;

    public static InterruptInjector? FromEnvironment(WorkflowStopSignal stop) =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } text
            ? text.Split(':') is [var id, "TERM"] ? new InterruptInjector(id, SigTerm, stop) : new InterruptInjector(text, SigInt, stop)
            : null;

    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
        if (entry.Event != JournalEvent.Started || entry.ActivityId != activityId || stop.IsRequested)
        {
            return;
        }

        _ = Kill(Environment.ProcessId, signal);
        SpinWait.SpinUntil(() => stop.IsRequested, TimeSpan.FromSeconds(10));
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
