using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;

namespace Lifecycle.Server.Hosting;

/// <summary>
/// Tells a progress display which step a workflow is on: each activity that starts, other than the
/// composites that only hold steps (Sequence, If, …), as a few words ("Reality check").
/// </summary>
public sealed class StepObserver : IJournalObserver
{
    private static readonly HashSet<string> Containers = ["Sequence", "If", "Switch", "ForEach", "While", "Parallel", "TryCatch", "SetOutput", "SetVariable"];

    /// <summary>Called with each step's name as it starts (on the thread running the workflow).</summary>
    public Action<string>? StepStarted { get; set; }

    public void OnEntry(WorkflowExecution execution, JournalEntry entry)
    {
        if (entry.Event == JournalEvent.Started && !Containers.Contains(entry.ActivityType) && StepStarted is { } started)
        {
            started(Words(entry.ActivityType));
        }
    }

    /// <summary>"RestoreStash" as "Restore stash".</summary>
    internal static string Words(string type)
    {
        var text = new System.Text.StringBuilder(type.Length + 4);
        for (var i = 0; i < type.Length; i++)
        {
            if (i > 0 && char.IsUpper(type[i]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(type[i]));
            }
            else
            {
                text.Append(type[i]);
            }
        }

        return text.ToString();
    }
}
