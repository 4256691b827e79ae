using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Sessions;

namespace Lifecycle.Server.Cli.Remote;

/// <summary>
/// The session use cases through the repository's running server (<c>/api/sessions</c>), for the
/// CLI: the same results and errors as <see cref="SessionService"/> in this process, and the same
/// lines besides (the server's <c>Lifecycle-Log</c> and <c>Lifecycle-Note</c> headers, printed as
/// the embedded command prints them live).
/// </summary>
/// <remarks>
/// <para>A server that cannot be reached (its file outlived it, the connection is refused) is no
/// error: the command runs embedded, as when no server runs. Only a failure to connect falls back;
/// a request the server may have received is never sent to the embedded service a second time.</para>
/// <para>A start or end that may ask y/N (stdin and stderr on a terminal, no <c>--yes</c>) runs
/// embedded, so that the question is asked where the person is; the server never asks.</para>
/// </remarks>
public sealed class RemoteSessionApi : ISessionApi, IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<ISessionApi> _embedded;
    private readonly TextWriter? _liveLog;
    private readonly TextWriter _notes;
    private readonly CancellationToken _stop;
    private ISessionApi? _fallback;

    /// <param name="url">The server's base address (<c>.lifecycle/server.json</c>).</param>
    /// <param name="token">The bearer token (<c>.lifecycle/token</c>).</param>
    /// <param name="embedded">The service in this process, for when the server cannot be reached.</param>
    /// <param name="liveLog">Where workflow Log lines go (stdout in text mode); null for none.</param>
    /// <param name="notes">Where notes go (stderr).</param>
    /// <param name="stop">Ctrl-C or SIGTERM: the request in flight is given up (the server cancels what it was doing; the next command finishes what it saved).</param>
    public RemoteSessionApi(string url, string token, Func<ISessionApi> embedded, TextWriter? liveLog, TextWriter notes, CancellationToken stop = default)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = new Uri(url.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        _embedded = embedded;
        _liveLog = liveLog;
        _notes = notes;
        _stop = stop;
    }

    /// <summary>Ran the use cases in this process because the server could not be reached.</summary>
    public bool FellBack => _fallback is not null;

    /// <summary>True when a start or end would ask its y/N question on this terminal (as ConsoleConfirmation would).</summary>
    internal static bool MayAsk => !Console.IsInputRedirected && !Console.IsErrorRedirected;

    public Task<StartOutcome> StartAsync(StartRequest request, CancellationToken cancellationToken) =>
        !request.Yes && MayAsk
            ? Embedded.StartAsync(request, cancellationToken)
            : SendAsync<StartOutcome>(HttpMethod.Post, "api/sessions/start", request, api => api.StartAsync(request, cancellationToken), cancellationToken);

    public Task<EndOutcome> EndAsync(EndRequest request, CancellationToken cancellationToken) =>
        !request.Yes && MayAsk
            ? Embedded.EndAsync(request, cancellationToken)
            : SendAsync<EndOutcome>(HttpMethod.Post, "api/sessions/end", request, api => api.EndAsync(request, cancellationToken), cancellationToken);

    public Task<SessionStatus> StatusAsync(CancellationToken cancellationToken) =>
        SendAsync<SessionStatus>(HttpMethod.Get, "api/sessions/current", null, api => api.StatusAsync(cancellationToken), cancellationToken);

    public Task<TaskChange> AddTaskAsync(string title, int priority, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, "api/sessions/current/tasks", new { title, priority }, api => api.AddTaskAsync(title, priority, cancellationToken), cancellationToken);

    public Task<TaskChange> CompleteTaskAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, $"api/sessions/current/tasks/{Escape(id)}/done", null, api => api.CompleteTaskAsync(id, cancellationToken), cancellationToken);

    public Task<TaskChange> BlockTaskAsync(string id, string reason, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, $"api/sessions/current/tasks/{Escape(id)}/block", new { reason }, api => api.BlockTaskAsync(id, reason, cancellationToken), cancellationToken);

    public Task<TaskChange> EditTaskAsync(string id, string? title, int? priority, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Patch, $"api/sessions/current/tasks/{Escape(id)}", new { title, priority }, api => api.EditTaskAsync(id, title, priority, cancellationToken), cancellationToken);

    public Task<TaskChange> ReopenTaskAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, $"api/sessions/current/tasks/{Escape(id)}/reopen", null, api => api.ReopenTaskAsync(id, cancellationToken), cancellationToken);

    public Task<TaskChange> RemoveTaskAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Delete, $"api/sessions/current/tasks/{Escape(id)}", null, api => api.RemoveTaskAsync(id, cancellationToken), cancellationToken);

    public Task<TaskListing> ListTasksAsync(bool all, CancellationToken cancellationToken) =>
        SendAsync<TaskListing>(HttpMethod.Get, $"api/sessions/current/tasks?all={(all ? "true" : "false")}", null, api => api.ListTasksAsync(all, cancellationToken), cancellationToken);

    public Task<EventOutcome> RecordEventAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var body = (JsonObject)request.Details.DeepClone();
        body["type"] = request.Type;
        return SendAsync<EventOutcome>(HttpMethod.Post, "api/sessions/current/events", body, api => api.RecordEventAsync(request, cancellationToken), cancellationToken);
    }

    public Task<CheckpointOutcome> CheckpointAsync(CancellationToken cancellationToken) =>
        SendAsync<CheckpointOutcome>(HttpMethod.Post, "api/sessions/current/checkpoint", null, api => api.CheckpointAsync(cancellationToken), cancellationToken);

    public async Task<ReportDocument> ReportAsync(string? sessionId, string format, CancellationToken cancellationToken)
    {
        var route = $"api/sessions/{(sessionId is null ? "last-closed" : Escape(sessionId))}/report?format={Uri.EscapeDataString(format)}";
        return await CallAsync(HttpMethod.Get, route, null, async response => new ReportDocument(
                Header(response, Api.Sessions.SessionReportsApi.SessionHeader) ?? sessionId ?? "",
                format,
                await response.Content.ReadAsStringAsync(cancellationToken),
                Header(response, Api.Sessions.SessionReportsApi.SourceHeader) is { } source ? Uri.UnescapeDataString(source) : "work tree"),
            api => api.ReportAsync(sessionId, format, cancellationToken), cancellationToken);
    }

    public async Task<ReportDocument> ReportAcrossAsync(DateOnly? since, DateOnly? until, string format, CancellationToken cancellationToken)
    {
        var route = $"api/reports?format={Uri.EscapeDataString(format)}{Date("since", since)}{Date("until", until)}";
        return await CallAsync(HttpMethod.Get, route, null, async response => new ReportDocument(
                "", format, await response.Content.ReadAsStringAsync(cancellationToken), "database"),
            api => api.ReportAcrossAsync(since, until, format, cancellationToken), cancellationToken);
    }

    private static string Date(string name, DateOnly? date) =>
        date is { } day ? $"&{name}={day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}" : "";

    /// <summary>Every session, oldest first: the pages of <c>GET /api/sessions</c> one after the other.</summary>
    public async Task<IReadOnlyList<SessionContext>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<SessionContext>();
        while (true)
        {
            var offset = all.Count;
            var page = await SendAsync<Page<SessionContext>>(HttpMethod.Get, $"api/sessions?offset={offset}&limit={SessionQueries.MaxPageSize}", null, null, cancellationToken);
            if (page is null)
            {
                return await Embedded.ListAsync(cancellationToken);
            }

            all.AddRange(page.Items);
            if (page.Items.Count == 0 || all.Count >= page.Total)
            {
                return all;
            }
        }
    }

    public Task<SessionDetails> ShowAsync(string sessionId, CancellationToken cancellationToken) =>
        SendAsync<SessionDetails>(HttpMethod.Get, $"api/sessions/{Escape(sessionId)}", null, api => api.ShowAsync(sessionId, cancellationToken), cancellationToken);

    public Task<Lifecycle.Server.Planning.Predictions> PredictAsync(CancellationToken cancellationToken) =>
        SendAsync<Lifecycle.Server.Planning.Predictions>(HttpMethod.Get, "api/predictions", null, api => api.PredictAsync(cancellationToken), cancellationToken);

    public Task<Lifecycle.Activities.Prediction.SessionPlan> PlanAsync(double? hours, CancellationToken cancellationToken) =>
        SendAsync<Lifecycle.Activities.Prediction.SessionPlan>(HttpMethod.Post, "api/sessions/current/plan", new { hours }, api => api.PlanAsync(hours, cancellationToken), cancellationToken);
    public Task<TaskChange> AddTaskAsync(string title, int priority, string? assignee, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, "api/sessions/current/tasks", new { title, priority, assignee }, api => api.AddTaskAsync(title, priority, assignee, cancellationToken), cancellationToken);

    public Task<TaskChange> AssignTaskAsync(string id, string? assignee, CancellationToken cancellationToken) =>
        SendAsync<TaskChange>(HttpMethod.Post, $"api/sessions/current/tasks/{Escape(id)}/assign", new { assignee }, api => api.AssignTaskAsync(id, assignee, cancellationToken), cancellationToken);
    public Task<Suggestions.SuggestionReport> SuggestAsync(CancellationToken cancellationToken) =>
        SendAsync<Suggestions.SuggestionReport>(HttpMethod.Get, "api/suggestions", null, api => api.SuggestAsync(cancellationToken), cancellationToken);

    public Task<Lifecycle.Server.Collaboration.WhoReport> WhoAsync(CancellationToken cancellationToken) =>
        SendAsync<Lifecycle.Server.Collaboration.WhoReport>(HttpMethod.Get, "api/who", null, api => api.WhoAsync(cancellationToken), cancellationToken);

    public void Dispose() => _http.Dispose();

    private ISessionApi Embedded => _fallback ??= _embedded();

    private Task<T> SendAsync<T>(HttpMethod method, string route, object? body, Func<ISessionApi, Task<T>>? embedded, CancellationToken cancellationToken) =>
        CallAsync(method, route, body, async response =>
            await response.Content.ReadFromJsonAsync<T>(CliJson.Options, cancellationToken)
            ?? throw new Lifecycle.Activities.SessionException($"the server at {_http.BaseAddress} answered {route} with nothing."), embedded, cancellationToken);

    /// <summary>
    /// Sends one request and reads its answer; prints what the server says besides (Log lines,
    /// notes); throws the session error a Problem Details stands for. When the server cannot be
    /// reached, <paramref name="embedded"/> runs instead (a null one makes the call return default).
    /// </summary>
    private async Task<T> CallAsync<T>(HttpMethod method, string route, object? body, Func<HttpResponseMessage, Task<T>> read, Func<ISessionApi, Task<T>>? embedded, CancellationToken cancellationToken)
    {
        if (_fallback is not null)
        {
            return embedded is null ? default! : await embedded(_fallback);
        }

        using var request = new HttpRequestMessage(method, route);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: CliJson.Compact);
        }

        HttpResponseMessage response;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop);
        using (Lifecycle.Workflows.Hosting.CommandTrace.Begin($"remote: {method} /{route}"))
        {
            try
            {
                response = await _http.SendAsync(request, either.Token);
            }
            catch (HttpRequestException unreachable) when (unreachable.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                // Nothing was sent: the server is gone (killed, its file stale), so this process does the work.
                Lifecycle.Workflows.Hosting.CommandTrace.Note($"server unreachable ({unreachable.Message}); running embedded");
                return embedded is null ? default! : await embedded(Embedded);
            }
        }

        using (response)
        {
            Echo(response);
            if (!response.IsSuccessStatusCode)
            {
                throw RemoteProblem.ToException(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), _http.BaseAddress!.ToString().TrimEnd('/'));
            }

            return await read(response);
        }
    }

    /// <summary>Prints the Log lines and notes the request produced, as the embedded command does.</summary>
    private void Echo(HttpResponseMessage response)
    {
        if (_liveLog is not null && response.Headers.TryGetValues(Api.Sessions.SessionTranscript.LogHeader, out var lines))
        {
            foreach (var line in lines)
            {
                _liveLog.WriteLine($"  log: {Uri.UnescapeDataString(line)}");
            }

            _liveLog.Flush();
        }

        if (response.Headers.TryGetValues(Api.Sessions.SessionTranscript.NoteHeader, out var notes))
        {
            foreach (var note in notes)
            {
                _notes.WriteLine($"note: {Uri.UnescapeDataString(note)}");
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
