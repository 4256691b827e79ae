namespace Lifecycle.Server.Timing;

/// <summary>A reminder that is due now.</summary>
/// <param name="Kind">One of <see cref="ReminderKinds"/>.</param>
/// <param name="Key">
/// Names this reminder among all of the session's: the server records each key once (as a
/// <c>reminder</c> event), so a restart never fires it twice.
/// </param>
/// <param name="DueAt">When it fell due.</param>
/// <param name="Message">What to tell the user, one line, with the figures.</param>
/// <param name="Recorded">True when the server recorded it already (it reached the live stream).</param>
public sealed record Reminder(string Kind, string Key, DateTimeOffset DueAt, string Message, bool Recorded);
