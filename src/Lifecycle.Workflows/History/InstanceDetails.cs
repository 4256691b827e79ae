using System.Text.Json.Nodes;
using Lifecycle.Workflows.Persistence;

namespace Lifecycle.Workflows.History;

/// <summary>One instance in full: its header, outputs, what it waits on and how long its journal is.</summary>
public sealed record InstanceDetails(
    InstanceHeader Instance,
    JsonObject Outputs,
    IReadOnlyList<BookmarkSummary> Bookmarks,
    long JournalLength);
