using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Prediction;
using Lifecycle.Server.Planning;
using Lifecycle.Server.Tests.Api;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Planning;

/// <summary>
/// <c>GET /api/predictions</c> and the plan routes over a real git repository with history, the real
/// SQLite file and real HTTP: the plan kept with the session, taken by the next start, reviewed at
/// close and shown in the report; bad hours and nothing to plan as Problem Details.
/// </summary>
public sealed class PlanningApiTests : IDisposable
{
    private readonly ServerFactory _server = new();

    [Fact]
    public async Task Before_any_session_closed_the_next_session_is_predicted_from_the_git_history()
    {
        // Five work sessions of an hour each (two commits 60 minutes apart), days apart: the fewest that predict.
        foreach (var (day, hour) in new[] { (2, 9), (4, 14), (6, 10), (9, 9), (11, 16) })
        {
            Commit($"a{day}.txt", $"2026-03-{day:00}T{hour:00}:00:00+01:00");
            Commit($"b{day}.txt", $"2026-03-{day:00}T{hour + 1:00}:00:00+01:00");
        }

        var predictions = await SessionsApiTests.Read<Predictions>(await _server.Authorized().GetAsync("/api/predictions"));

        var next = predictions.NextSession!;
        Assert.Equal(PredictionSource.GitHistory, next.Source);
        Assert.Equal(90, next.DurationMinutes.Point);
        Assert.Equal(2, next.Commits.Point);
        Assert.True(next.DurationMinutes.Low <= 90 && next.DurationMinutes.High >= 90);
        Assert.Equal(0, predictions.ClosedSessions);
        Assert.Empty(predictions.Tasks);
    }

    [Fact]
    public async Task A_plan_made_while_active_is_kept_on_the_session_reviewed_at_close_and_reported()
    {
        var client = await StartedAsync();
        await AddTaskAsync(client, "write the parser", 1);
        await AddTaskAsync(client, "update the docs", 3);
        await AddTaskAsync(client, "fix the flaky test", 2);
        await client.PostAsJsonAsync("/api/sessions/current/tasks/T3/block", new { reason = "waiting for CI" });

        var plan = await SessionsApiTests.Read<SessionPlan>(await client.PostAsJsonAsync("/api/sessions/current/plan", new { hours = 2 }));
        var current = await SessionsApiTests.Read<SessionPlan>(await client.GetAsync("/api/sessions/current/plan"));
        var predictions = await SessionsApiTests.Read<Predictions>(await client.GetAsync("/api/predictions"));

        Assert.Equal(["T3", "T1", "T2"], plan.Tasks.Select(t => t.Id));
        Assert.Equal(["blocker", "priority", "priority"], plan.Tasks.Select(t => t.Reason));
        Assert.Equal(["T3", "T1"], plan.Tasks.Where(t => t.Fits).Select(t => t.Id)); // an hour each, assumed: no task done yet
        Assert.All(plan.Tasks, t => Assert.Equal(PredictionSource.Assumed, t.Effort.Source));
        Assert.Equal(120, plan.BudgetMinutes);
        Assert.False(plan.ForNextSession);
        Assert.Equal(plan.MadeAt, current.MadeAt);
        Assert.Equal(["T3", "T1", "T2"], predictions.Tasks.Select(t => t.Id));

        await client.PostAsync("/api/sessions/current/tasks/T1/done", null);
        await client.PostAsync("/api/sessions/current/tasks/T2/done", null);
        var ended = await client.PostAsJsonAsync("/api/sessions/end", new { yes = true, force = true });
        Assert.True(ended.IsSuccessStatusCode, await ended.Content.ReadAsStringAsync());

        var ofSession = await SessionsApiTests.Read<PlanOfSession>(await client.GetAsync($"/api/sessions/{plan.SessionId}/plan"));
        Assert.Equal(1, ofSession.Review!.PlannedDone);
        Assert.Equal(["T2"], ofSession.Review.DoneUnplanned);
        Assert.StartsWith("plan: 1 of 2 planned tasks done (T1 in ", ofSession.Summary);
        var log = File.ReadAllText(Path.Combine(_server.Repository, "docs", "sessions", $"SESSION-{plan.SessionId}-LOG.md"));
        Assert.Contains("[note] plan: 1 of 2 planned tasks done", log);
        var handoff = File.ReadAllText(Path.Combine(_server.Repository, "docs", "sessions", $"SESSION-{plan.SessionId}-HANDOFF.md"));
        Assert.Contains("## Plan\n\nplan: 1 of 2 planned tasks done", handoff);
        var markdown = await (await client.GetAsync($"/api/sessions/{plan.SessionId}/report?format=md")).Content.ReadAsStringAsync();
        Assert.Contains("## Plan", markdown);
        Assert.Contains("| T3 | fix the flaky test | yes | no |", markdown);
        var json = JsonNode.Parse(await (await client.GetAsync($"/api/sessions/{plan.SessionId}/report?format=json")).Content.ReadAsStringAsync())!;
        Assert.Equal(1, (int)json["plan"]!["plannedDone"]!);
        var html = await (await client.GetAsync($"/api/sessions/{plan.SessionId}/report?format=html")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"plan\"", html);
    }

    [Fact]
    public async Task A_plan_made_between_sessions_is_kept_for_the_next_start()
    {
        var client = await StartedAsync();
        await AddTaskAsync(client, "carry me over", 2);
        Assert.True((await client.PostAsJsonAsync("/api/sessions/end", new { yes = true, force = true })).IsSuccessStatusCode);

        var plan = await SessionsApiTests.Read<SessionPlan>(await client.PostAsync("/api/sessions/current/plan", null));
        var pending = await SessionsApiTests.Read<SessionPlan>(await client.GetAsync("/api/sessions/current/plan"));
        var next = await SessionsApiTests.Read<JsonNode>(await client.PostAsync("/api/sessions/start", null));
        var taken = await SessionsApiTests.Read<SessionPlan>(await client.GetAsync("/api/sessions/current/plan"));
        var ofNext = await SessionsApiTests.Read<PlanOfSession>(await client.GetAsync($"/api/sessions/{(string?)next["session"]!["sessionId"]}/plan"));

        Assert.True(plan.ForNextSession);
        Assert.Equal("default", plan.BudgetFrom); // no prediction from a history this short
        Assert.Equal(plan.MadeAt, pending.MadeAt);
        Assert.Equal(plan.MadeAt, taken.MadeAt);
        Assert.Equal(plan.MadeAt, ofNext.Plan!.MadeAt);
        Assert.Equal("T1", Assert.Single(taken.Tasks).Id);
        Assert.Contains("Plan made before this session (plan made: T1 in 60 min", (string?)next["mission"]);
    }

    [Theory]
    [InlineData("""{"hours": 0}""")]
    [InlineData("""{"hours": -1}""")]
    [InlineData("""{"hours": 25}""")]
    [InlineData("""{"hours": "abc"}""")]
    [InlineData("""{"hours": true}""")]
    public async Task Hours_that_are_not_a_positive_number_are_400(string body)
    {
        var client = await StartedAsync();
        await AddTaskAsync(client, "something", 3);

        var problem = await SessionsApiTests.AssertProblem(
            await client.PostAsync("/api/sessions/current/plan", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalidInput");

        Assert.Contains("hours", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/sessions/current/plan")).StatusCode);
    }

    [Fact]
    public async Task A_plan_with_no_open_task_is_400_saying_how_to_add_one()
    {
        var client = await StartedAsync();

        var problem = await SessionsApiTests.AssertProblem(await client.PostAsJsonAsync("/api/sessions/current/plan", new { hours = 1 }), HttpStatusCode.BadRequest, "invalidInput");

        Assert.Contains("lifecycle task add", (string?)problem["detail"]);
    }

    [Fact]
    public async Task No_plan_yet_is_404()
    {
        var client = await StartedAsync();

        await SessionsApiTests.AssertProblem(await client.GetAsync("/api/sessions/current/plan"), HttpStatusCode.NotFound, "notFound");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_planning_routes()
    {
        var paths = JsonNode.Parse(await _server.Authorized().GetStringAsync("/openapi/v1.json"))!["paths"]!;

        Assert.Equal("GetPredictions", (string?)paths["/api/predictions"]!["get"]!["operationId"]);
        Assert.Equal("MakePlan", (string?)paths["/api/sessions/current/plan"]!["post"]!["operationId"]);
        Assert.Equal("CurrentPlan", (string?)paths["/api/sessions/current/plan"]!["get"]!["operationId"]);
        Assert.Equal("SessionPlan", (string?)paths["/api/sessions/{id}/plan"]!["get"]!["operationId"]);
    }

    private async Task<HttpClient> StartedAsync()
    {
        var client = _server.Authorized();
        var started = await client.PostAsync("/api/sessions/start", null);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task AddTaskAsync(HttpClient client, string title, int priority) =>
        Assert.True((await client.PostAsJsonAsync("/api/sessions/current/tasks", new { title, priority })).IsSuccessStatusCode);

    private void Commit(string file, string when)
    {
        File.WriteAllText(Path.Combine(_server.Repository, file), file);
        Git.Run(_server.Repository, "add", "-A");
        Git.Run(_server.Repository, new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = when, ["GIT_COMMITTER_DATE"] = when }, "commit", "-q", "-m", file);
    }

    public void Dispose() => _server.Dispose();
}
