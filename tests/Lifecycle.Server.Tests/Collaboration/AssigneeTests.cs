using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>Tasks with an assignee: the CLI, the HTTP API, the events, the list and the handoff.</summary>
public class AssigneeTests
{
    [Fact]
    public async Task ABlankName_IsOneLineThatSaysWhatToDo_AndChangesNothing()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "review the parser", "--assignee", "dana")).ExitCode);

        var add = await cli.RunAsync("task", "add", "write docs", "--assignee", "");
        var assign = await cli.RunAsync("task", "assign", "T1", "  ");
        var end = await cli.RunAsync("end", "--yes", "--to", "");

        Assert.Equal((2, "error: --assignee is empty: give a person's name or email, or an agent's name; leave --assignee out for a task anyone may take."), (add.ExitCode, add.Stderr.Trim()));
        Assert.Equal((2, "error: The name is empty: give a person's name or email, or an agent's name; 'lifecycle task unassign ID' takes a task back."), (assign.ExitCode, assign.Stderr.Trim()));
        Assert.Equal((2, "error: --to is empty: give a person's name or email, or an agent's name; leave --to out for a handoff to anyone."), (end.ExitCode, end.Stderr.Trim()));
        var tasks = (await cli.RunAsync("--json", "task", "list")).Json["tasks"]!.AsArray();
        Assert.Equal("dana", (string?)Assert.Single(tasks)!["assignee"]);
        Assert.Equal("ACTIVE", (string?)(await cli.RunAsync("--json", "status")).Json["state"]);
    }

    [Fact]
    public async Task Assignees_AddAssignUnassign_AreListedRecordedAndHandedOff()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);

        var added = await cli.RunAsync("task", "add", "review the parser", "--assignee", "dana");
        Assert.Equal(0, (await cli.RunAsync("task", "add", "write docs")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", "tidy")).ExitCode);
        var assigned = await cli.RunAsync("task", "assign", "T2", "claude-code");
        Assert.Equal(0, (await cli.RunAsync("task", "assign", "T3", "bob")).ExitCode);
        var unassigned = await cli.RunAsync("task", "unassign", "T3");
        var list = await cli.RunAsync("task", "list");
        var json = await cli.RunAsync("--json", "task", "list");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("Added T1: review the parser (for dana)\n", added.Stdout);
        Assert.Equal("Assigned T2: write docs (for claude-code)\n", assigned.Stdout);
        Assert.Equal("Unassigned T3: tidy\n", unassigned.Stdout);
        Assert.Contains("ASSIGNEE", list.Stdout);
        Assert.Matches(@"T1\s+3\s+open\s+dana\s+review the parser", list.Stdout);
        Assert.Matches(@"T3\s+3\s+open\s+-\s+tidy", list.Stdout);
        var tasks = json.Json["tasks"]!.AsArray();
        Assert.Equal(["dana", "claude-code", null], tasks.Select(t => t!["assignee"]?.GetValue<string>()));

        var events = await new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")).GetEventsAsync("00001", default);
        var assignments = events.Where(e => e.Type == SessionEventTypes.TaskAssigned).Select(e => (e.Data!["task"]!.GetValue<string>(), e.Data["assignee"]?.GetValue<string>())).ToList();
        Assert.Equal([("T2", "claude-code"), ("T3", "bob"), ("T3", null)], assignments);
        Assert.Equal("dana", events.Single(e => e.Type == SessionEventTypes.TaskAdded && e.Data!["task"]!.GetValue<string>() == "T1").Data!["assignee"]!.GetValue<string>());

        var end = await cli.RunAsync("--json", "end", "--yes");
        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.Equal("dana", end.Json["openItems"]![0]!["assignee"]!.GetValue<string>());
        var markdown = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md"));
        Assert.Contains("- ⏳ T1 (priority 3, for dana): review the parser", markdown);
        Assert.Contains("- ⏳ T3 (priority 3): tidy", markdown);
        var log = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-LOG.md"));
        Assert.Contains("assigned T2: write docs to claude-code", log);
        Assert.Contains("unassigned T3: tidy", log);

        // The assignee carries over to the next session with the task.
        var next = await cli.RunAsync("--json", "start");
        Assert.Equal("dana", next.Json["openTasks"]![0]!["assignee"]!.GetValue<string>());
    }

    [Fact]
    public async Task TaskAssign_AnUnknownTask_ExitsTwoNamingTheTasks()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);

        var wrong = await cli.RunAsync("task", "assign", "T9", "dana");

        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("No task has id 'T9'", wrong.Stderr);
    }

    [Fact]
    public async Task Http_AddWithAssigneeAndAssign_ChangeTheTask()
    {
        using var server = new ServerFactory();
        var client = server.Authorized();
        Assert.True((await client.PostAsync("/api/sessions/start", JsonContent.Create(new { yes = true }))).IsSuccessStatusCode);

        var added = await client.PostAsync("/api/sessions/current/tasks", JsonContent.Create(new { title = "ship it", assignee = "dana" }));
        var reassigned = await client.PostAsync("/api/sessions/current/tasks/T1/assign", JsonContent.Create(new { assignee = "bob" }));
        var missing = await client.PostAsync("/api/sessions/current/tasks/T7/assign", JsonContent.Create(new { assignee = "bob" }));
        var cleared = await client.PostAsync("/api/sessions/current/tasks/T1/assign", JsonContent.Create(new { assignee = (string?)null }));

        Assert.Equal("dana", JsonNode.Parse(await added.Content.ReadAsStringAsync())!["task"]!["assignee"]!.GetValue<string>());
        Assert.Equal("bob", JsonNode.Parse(await reassigned.Content.ReadAsStringAsync())!["task"]!["assignee"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Null(JsonNode.Parse(await cleared.Content.ReadAsStringAsync())!["task"]!["assignee"]);
        var page = await server.Browser().GetStringAsync("/sessions/current");
        Assert.Contains("id=\"task-assignee\"", page);
    }
}
