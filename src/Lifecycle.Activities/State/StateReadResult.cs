namespace Lifecycle.Activities.State;

/// <summary>What <see cref="StateFile{T}.ReadAsync"/> loaded, and from where.</summary>
/// <param name="Value">The saved value.</param>
/// <param name="SavedAt">When the copy that was loaded had been written.</param>
/// <param name="RestoredFrom">
/// The backup file name (e.g. <c>state.json.2</c>) when the main file was missing or corrupt and
/// a backup was restored; <see langword="null"/> when the main file was good.
/// </param>
/// <param name="Notice">
/// A sentence for the user when a backup had to be restored (what was wrong, which backup, when it
/// was saved); <see langword="null"/> otherwise.
/// </param>
public sealed record StateReadResult<T>(T Value, DateTimeOffset SavedAt, string? RestoredFrom, string? Notice)
{
    /// <summary>True when the main file was missing or corrupt and a backup was restored.</summary>
    public bool WasRestored => RestoredFrom is not null;
}
