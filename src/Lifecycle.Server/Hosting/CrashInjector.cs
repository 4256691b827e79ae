using System.Diagnostics;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// Kills this process (SIGKILL, no clean-up) when the activity named by the environment variable
/// <c>LIFECYCLE_CRASH_AT</c> starts. Lets end-to-end tests crash a real run at an exact point and
/// prove that the next process recovers it. Inert when the variable is not set.
/// </summary>
internal sealed class CrashInjector(string activityId) : IJournalObserver
{
    public const string Variable = "LIFECYCLE_CRASH_AT";

    public static CrashInjector? FromEnvironment() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } id ? new CrashInjector(id) : null;

    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
        if (entry.Event == JournalEvent.Started && entry.ActivityId == activityId)
        {
            Console.Out.Flush();
            Console.Error.Flush();
            Process.GetCurrentProcess().Kill();
        }
    }
}
