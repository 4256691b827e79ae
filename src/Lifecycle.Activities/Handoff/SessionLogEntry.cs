using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Handoff;

/// <summary>One line of the session log; build it with <see cref="SessionLogEntries"/>.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Text">The line's text; line breaks become spaces when written.</param>
public sealed record SessionLogEntry(DateTimeOffset Time, SessionLogEntryKind Kind, string Text)
{
    /// <summary>The entry for a recorded event (<see cref="SessionLogEntries.Event"/>).</summary>
    public static SessionLogEntry From(SessionEvent sessionEvent) => SessionLogEntries.Event(sessionEvent);
}
