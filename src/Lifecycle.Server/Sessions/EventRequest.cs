using System.Text.Json.Nodes;

namespace Lifecycle.Server.Sessions;

/// <summary>An event to record in the active session.</summary>
/// <param name="Type">One of <see cref="Lifecycle.Activities.Sessions.SessionEventTypes.Recordable"/>.</param>
/// <param name="Details">Its details: path (file_modified), sha (git_commit), task (task_completed, task_switched), message (error_occurred), from/to (branch_switched), anything else.</param>
public sealed record EventRequest(string Type, JsonObject Details);
