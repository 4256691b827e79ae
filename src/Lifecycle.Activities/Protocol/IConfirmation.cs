namespace Lifecycle.Activities.Protocol;

/// <summary>Asks the person at the terminal to confirm something.</summary>
public interface IConfirmation
{
    /// <summary>True or false as answered; null when nobody can be asked (no interactive terminal).</summary>
    Task<bool?> ConfirmAsync(string question, CancellationToken cancellationToken);
}
