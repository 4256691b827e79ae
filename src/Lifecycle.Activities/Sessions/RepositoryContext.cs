using Lifecycle.Activities.Configuration;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// The repository the session activities work on, and its configuration (read once, on first use,
/// so a broken config.json fails the activity that needs it with its validation message).
/// </summary>
public sealed class RepositoryContext(string root)
{
    private LifecycleConfig? _config;

    /// <summary>The repository's working-tree root.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The paths of <c>.lifecycle/</c> in <see cref="Root"/>.</summary>
    public Setup.LifecyclePaths Paths => field ??= Setup.LifecyclePaths.For(Root);

    /// <summary><c>.lifecycle/</c> in <see cref="Root"/>.</summary>
    public string StateFolder => Paths.StateFolder;

    /// <summary>The repository's <c>.lifecycle/config.json</c>, or the defaults.</summary>
    public LifecycleConfig Config => _config ??= LifecycleConfigLoader.Load(Root);
}
