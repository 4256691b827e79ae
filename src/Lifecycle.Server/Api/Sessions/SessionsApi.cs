using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Api.Sessions;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>/api/sessions</c>: start, end, the current session, the list, one session, checkpoint; the
/// events, tasks and report of a session map their own routes (<see cref="SessionEventsApi"/>,
/// <see cref="SessionTasksApi"/>, <see cref="SessionReportsApi"/>). Every route is a thin adapter
/// over <see cref="SessionService"/>; its errors are Problem Details by kind (ApiErrors).
/// </summary>
public static class SessionsApi
{
    /// <summary>The largest page a listing returns by default.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>What the session routes need: notes and Log lines kept per request (<see cref="SessionTranscript"/>).</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ISessionNotifier, SessionTranscript.Notifier>());
        services.AddSingleton<IJournalObserver, SessionTranscript.LogObserver>();
        services.TryAddSingleton(new SessionStreamOptions());
        services.AddSingleton<SessionWatcher>();
    }

    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/sessions").WithTags("Sessions").AddEndpointFilter(SessionTranscript.CollectAsync);
        sessions.MapPost("/start", Start).WithName("StartSession").WithSummary("Runs session-start and returns the mission");
        sessions.MapPost("/end", End).WithName("EndSession").WithSummary("Runs session-end and returns the handoff (asks nothing: 'yes' confirms)");
        sessions.MapGet("/current", Current).WithName("CurrentSession").WithSummary("The current session, live while it is ACTIVE");
        sessions.MapGet("/", List).WithName("ListSessions").WithSummary("The sessions, oldest first, a page at a time");
        sessions.MapGet("/{id}", Show).WithName("GetSession").WithSummary("One session: its record, handoff and events");
        sessions.MapPost("/current/checkpoint", Checkpoint).WithName("CheckpointSession").WithSummary("Writes .lifecycle/state.json now");
        sessions.MapSessionEventsApi();
        sessions.MapSessionTasksApi();
        sessions.MapSessionReportsApi();
        sessions.MapSessionStreamApi();
        return api;
    }

    private static async Task<Ok<StartOutcome>> Start(StartRequest? request, SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.StartAsync(request ?? new StartRequest(), ct));

    private static async Task<Ok<EndOutcome>> End(EndRequest? request, SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.EndAsync(request ?? new EndRequest(), ct));

    private static async Task<Ok<SessionStatus>> Current(SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.StatusAsync(ct));

    private static async Task<Ok<Page<SessionContext>>> List(SessionService service, CancellationToken ct, int offset = 0, int limit = DefaultPageSize) =>
        TypedResults.Ok(await service.ListPageAsync(offset, limit, ct));

    private static async Task<Ok<SessionDetails>> Show(string id, SessionService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ShowAsync(id, ct));

    private static async Task<Ok<CheckpointOutcome>> Checkpoint(SessionService service) =>
        TypedResults.Ok(await service.CheckpointAsync(CancellationToken.None));
}
