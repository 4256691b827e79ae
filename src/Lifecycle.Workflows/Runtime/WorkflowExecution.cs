using System.Text.Json.Nodes;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Expressions;
using Lifecycle.Workflows.Journal;

namespace Lifecycle.Workflows.Runtime;

/// <summary>
/// One workflow instance loaded in memory: its frames, scheduler queue, bookmarks, data and the
/// journal entries not yet persisted. Only one thread runs it at a time.
/// </summary>
public sealed class WorkflowExecution
{
    internal WorkflowExecution(string instanceId, WorkflowDefinition definition, ScriptHost scripts, DateTimeOffset createdAt)
    {
        InstanceId = instanceId;
        Definition = definition;
        Scripts = scripts;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public string InstanceId { get; }

    /// <summary>The definition (and version) the instance started with.</summary>
    public WorkflowDefinition Definition { get; }

    public WorkflowStatus Status { get; internal set; } = WorkflowStatus.Running;

    /// <summary>Why the instance faulted, naming the activity.</summary>
    public WorkflowFault? Fault { get; internal set; }

    public DateTimeOffset CreatedAt { get; internal set; }

    public DateTimeOffset UpdatedAt { get; internal set; }

    public DateTimeOffset? FinishedAt { get; internal set; }

    /// <summary>The workflow's outputs, set by <c>SetOutput</c>.</summary>
    public JsonObject Outputs => Scopes[0].WorkflowOutputs;

    public JsonObject Input => Scopes[0].Input;

    /// <summary>
    /// What the instance is about, for filtering (e.g. the correlation of the stimulus that started
    /// it); the store keeps the first one written, or else the first correlated bookmark's.
    /// </summary>
    public string? Correlation { get; set; }

    /// <summary>
    /// Where a retry starts when the instance faulted: the state just before the failed activity
    /// ended in a fault, with that activity queued to execute again (null when there is none).
    /// </summary>
    internal InstanceSnapshot? RetryPoint { get; set; }

    /// <summary>The bookmarks the instance waits on.</summary>
    public IReadOnlyList<Bookmark> Bookmarks => BookmarkList;

    /// <summary>The store's revision of this instance, for optimistic concurrency.</summary>
    public long Revision { get; internal set; }

    /// <summary>Sequence number of the last journal entry written.</summary>
    public long JournalSequence { get; internal set; }

    /// <summary>Journal entries recorded since the last persist.</summary>
    public IReadOnlyList<JournalEntry> PendingJournal => PendingEntries;

    /// <summary>The variables of the workflow as JSON (a copy).</summary>
    public JsonObject Variables => Scripts.ObjectToJson(Scopes[0].Script.Variables);

    internal ScriptHost Scripts { get; }

    internal Dictionary<int, WorkflowScope> Scopes { get; } = [];

    internal Dictionary<int, ActivityFrame> Frames { get; } = [];

    internal LinkedList<WorkItem> Queue { get; } = new();

    internal List<Bookmark> BookmarkList { get; } = [];

    internal List<JournalEntry> PendingEntries { get; } = [];

    /// <summary>How many bookmark rows the store holds for this instance (to skip deleting none).</summary>
    internal int StoredBookmarks { get; set; }

    internal int NextFrameId { get; set; } = 1;

    internal int NextBookmarkId { get; set; } = 1;

    internal int NextScopeId { get; set; } = 1;

    /// <summary>Drops the journal entries that were just persisted.</summary>
    public void MarkJournalPersisted() => PendingEntries.Clear();
}
