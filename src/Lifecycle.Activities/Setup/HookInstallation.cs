namespace Lifecycle.Activities.Setup;

/// <summary>What <see cref="HookInstaller.Install"/> did to each hook.</summary>
/// <param name="Hook">The hook's name, e.g. post-commit.</param>
/// <param name="Path">The hook file.</param>
/// <param name="ChainedTo">The user's own hook, moved aside and still run first; null when there was none.</param>
/// <param name="Updated">True when a Lifecycle hook was already there and was rewritten.</param>
public sealed record HookInstallation(string Hook, string Path, string? ChainedTo, bool Updated);
