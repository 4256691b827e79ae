namespace Lifecycle.Activities.Protocol;

/// <summary>Where nobody can be asked (a server, a script): every question goes unanswered.</summary>
public sealed class NoConfirmation : IConfirmation
{
    public Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);
}
