using System.Text.Json.Nodes;
using Lifecycle.Activities.Sessions;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Activities.Tests.Git.Activities;

/// <summary>
/// A real repository and the real workflow engine with the session activities registered, as the
/// server wires them; the engine's database lives outside the repository.
/// </summary>
public sealed class GitActivityHarness : IAsyncDisposable
{
    private readonly string _engineFolder;
    private readonly ServiceProvider _services;
    private int _runs;

    private GitActivityHarness(TempRepository repository, string engineFolder, ServiceProvider services)
    {
        Repository = repository;
        _engineFolder = engineFolder;
        _services = services;
    }

    public TempRepository Repository { get; }

    /// <summary>
    /// A repository with one commit (<c>a.txt</c>, <c>b.txt</c>) and <c>.lifecycle/</c> excluded
    /// from git (as <c>lifecycle init</c> does); <paramref name="config"/> becomes its config.json.
    /// </summary>
    public static async Task<GitActivityHarness> StartAsync(string? config = null, bool commit = true)
    {
        var repository = new TempRepository();
        File.AppendAllText(Path.Combine(repository.Path, ".git", "info", "exclude"), "\n.lifecycle/\n");
        if (config is not null)
        {
            repository.Write(".lifecycle/config.json", config);
        }

        if (commit)
        {
            repository.Write("a.txt", "alpha\n");
            repository.Write("b.txt", "beta\n");
            repository.CommitAll("initial");
        }

        var engineFolder = Directory.CreateTempSubdirectory("lifecycle-engine-").FullName;
        var services = new ServiceCollection()
            .AddSingleton<ISessionStore, InMemorySessionStore>()
            .AddLifecycleWorkflows(Path.Combine(engineFolder, "lifecycle.db"), r => r.AddAssembly(typeof(Checkpoint).Assembly))
            .AddLifecycleSessions(repository.Path)
            .BuildServiceProvider();
        var harness = new GitActivityHarness(repository, engineFolder, services);
        await harness.Engine.StartAsync();
        return harness;
    }

    private WorkflowEngine Engine => _services.GetRequiredService<WorkflowEngine>();

    /// <summary>Saves a session in the store (ACTIVE, started now).</summary>
    public Task AddSessionAsync(string sessionId, string? previous = null) =>
        Store.SaveAsync(new SessionContext { SessionId = sessionId, State = SessionState.Active, PreviousSession = previous }, CancellationToken.None);

    public RepositoryContext Context => _services.GetRequiredService<RepositoryContext>();

    public Lifecycle.Activities.Git.StatusPrefetch Prefetch => _services.GetRequiredService<Lifecycle.Activities.Git.StatusPrefetch>();

    public InMemorySessionStore Store => (InMemorySessionStore)_services.GetRequiredService<ISessionStore>();

    /// <summary>
    /// Runs the activities (each JSON object with an "id") in a Sequence as one workflow; returns
    /// each activity's outputs by id. Fails the test when the run does not finish.
    /// </summary>
    public async Task<JsonObject> RunAsync(params string[] activities)
    {
        var ids = activities.Select(a => (string)JsonNode.Parse(a)!["id"]!).ToList();
        var outputs = ids.Select(id => $$"""{ "type": "SetOutput", "name": "{{id}}", "value": { "js": "outputs['{{id}}'] ?? null" } }""");
        var json = $$"""{ "id": "run-{{++_runs}}", "root": { "type": "Sequence", "activities": [ {{string.Join(", ", activities.Concat(outputs))}} ] } }""";
        var (definition, _) = await Engine.PublishAsync(await Engine.ReadAsync(json, "test.json"));
        var run = await Engine.RunAsync(definition, null);
        Assert.True(run.Status == WorkflowStatus.Finished, $"The run ended {run.Status}: {run.Error}");
        return run.Outputs;
    }

    /// <summary>Staged and unstaged changes and untracked files, as git sees them.</summary>
    public string Status() => Repository.Git("status", "--porcelain=v1", "--untracked-files=all");

    public string Head() => Repository.Git("rev-parse", "HEAD").Trim();

    public string Stashes() => Repository.Git("stash", "list", "--format=%gs");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Lifecycle.Workflows.Persistence.SqliteDatabase.ClearAllPools();
        Repository.Dispose();
        try
        {
            Directory.Delete(_engineFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
