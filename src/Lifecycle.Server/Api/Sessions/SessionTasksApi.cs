using Lifecycle.Activities;
using Lifecycle.Activities.Tasks;
using Lifecycle.Server.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api.Sessions;

/// <summary><c>/api/sessions/current/tasks</c>: add, done, block, edit, reopen, remove and list the session's tasks.</summary>
public static class SessionTasksApi
{
    /// <summary>A task to add: a title, a priority from 1 (highest) to 5 (3 when left out), and who is to do it (anyone when left out).</summary>
    public sealed record AddTask(string? Title, int? Priority, string? Assignee = null);

    /// <summary>Who is to do a task: a person's name or email, or an agent's name; null or left out takes it back.</summary>
    public sealed record AssignTask(string? Assignee);

    /// <summary>Why a task is blocked.</summary>
    public sealed record BlockTask(string? Reason);

    /// <summary>What to change of a task: its title, its priority, or both.</summary>
    public sealed record EditTask(string? Title, int? Priority);

    public static RouteGroupBuilder MapSessionTasksApi(this RouteGroupBuilder sessions)
    {
        var tasks = sessions.MapGroup("/current/tasks");
        tasks.MapGet("/", List).WithName("ListTasks").WithSummary("The session's tasks, open ones first by priority (all=true: also those done earlier)");
        tasks.MapPost("/", Add).WithName("AddTask");
        tasks.MapPost("/{taskId}/done", Done).WithName("CompleteTask");
        tasks.MapPost("/{taskId}/block", Block).WithName("BlockTask");
        tasks.MapPost("/{taskId}/reopen", Reopen).WithName("ReopenTask");
        tasks.MapPatch("/{taskId}", Edit).WithName("EditTask");
        tasks.MapDelete("/{taskId}", Remove).WithName("RemoveTask");
        tasks.MapPost("/{taskId}/assign", Assign).WithName("AssignTask").WithSummary("Gives the task to someone (assignee), or takes it back (assignee null)");
        return sessions;
    }

    private static async Task<Ok<TaskListing>> List(SessionService service, CancellationToken ct, bool all = false) =>
        TypedResults.Ok(await service.ListTasksAsync(all, ct));

    // A change is short and made of several writes (the task, its event, the log, the checkpoint):
    // it runs to its end even when the client goes away, rather than stop between two of them.
    private static async Task<Ok<TaskChange>> Add(AddTask body, SessionService service) =>
        TypedResults.Ok(body.Assignee is null
            ? await service.AddTaskAsync(Required(body.Title, "title", "what to do"), body.Priority ?? SessionTask.DefaultPriority, CancellationToken.None)
            : await service.AddTaskAsync(Required(body.Title, "title", "what to do"), body.Priority ?? SessionTask.DefaultPriority, body.Assignee, CancellationToken.None));

    private static async Task<Ok<TaskChange>> Assign(string taskId, AssignTask body, SessionService service) =>
        TypedResults.Ok(await service.AssignTaskAsync(taskId, body.Assignee, CancellationToken.None));

    private static async Task<Ok<TaskChange>> Done(string taskId, SessionService service) =>
        TypedResults.Ok(await service.CompleteTaskAsync(taskId, CancellationToken.None));

    private static async Task<Ok<TaskChange>> Block(string taskId, BlockTask body, SessionService service) =>
        TypedResults.Ok(await service.BlockTaskAsync(taskId, Required(body.Reason, "reason", "why the task is blocked"), CancellationToken.None));

    private static async Task<Ok<TaskChange>> Reopen(string taskId, SessionService service) =>
        TypedResults.Ok(await service.ReopenTaskAsync(taskId, CancellationToken.None));

    private static async Task<Ok<TaskChange>> Edit(string taskId, EditTask body, SessionService service) =>
        TypedResults.Ok(await service.EditTaskAsync(taskId, body.Title, body.Priority, CancellationToken.None));

    private static async Task<Ok<TaskChange>> Remove(string taskId, SessionService service) =>
        TypedResults.Ok(await service.RemoveTaskAsync(taskId, CancellationToken.None));

    private static string Required(string? value, string name, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new SessionException($"The body needs \"{name}\": {what}.", ErrorKind.InvalidInput) : value;
}
