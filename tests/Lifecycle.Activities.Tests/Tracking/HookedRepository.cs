using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Activities.Tracking;

namespace Lifecycle.Activities.Tests.Tracking;

/// <summary>A real repository with Lifecycle's hooks installed and a <c>.lifecycle/</c> folder, as after <c>lifecycle init</c>.</summary>
public sealed class HookedRepository : IDisposable
{
    public HookedRepository()
    {
        var git = GitPaths.Of(Repo.Path);
        GitExclude.Ensure(git, ".lifecycle/");
        HookInstaller.Install(git);
        Directory.CreateDirectory(Paths.EventsFolder);
    }

    public TempRepository Repo { get; } = new();

    public LifecyclePaths Paths => LifecyclePaths.For(Repo.Path);

    public string SpoolText => File.Exists(Paths.EventSpool) ? File.ReadAllText(Paths.EventSpool) : "";

    /// <summary>Claims, completes and returns what the claim delivered.</summary>
    public async Task<(IReadOnlyList<SpooledEvent> Events, int Skipped)> IngestAsync(TimeProvider? timeProvider = null)
    {
        using var batch = await new EventSpool(Paths, timeProvider ?? TimeProvider.System).ClaimAsync();
        batch.Complete();
        return (batch.Events, batch.Skipped);
    }

    public void Dispose() => Repo.Dispose();
}
