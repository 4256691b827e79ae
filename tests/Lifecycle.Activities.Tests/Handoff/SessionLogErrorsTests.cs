using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Handoff;

public class SessionLogErrorsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_GivesBackTheErrorEntriesTheLogWrote_WithTheirTimes_AndNotTheClosingList()
    {
        var first = new SessionEvent("00004", SessionEventTypes.ErrorOccurred, Start.AddSeconds(65), System.Text.Json.Nodes.JsonNode.Parse("""{"message":"build failed:\nCS1002"}""")!.AsObject());
        var second = new SessionEvent("00004", SessionEventTypes.ErrorOccurred, Start.AddMinutes(7), null);
        var log = "# Session 00004 Log\r\n\r\n## Log\r\n"
                  + SessionLog.Entry(SessionLogEntries.Note(Start, "an [error] in a note is not an error"))
                  + SessionLog.Entry(SessionLogEntry.From(first))
                  + SessionLog.Entry(SessionLogEntries.Note(Start.AddMinutes(2), "between"))
                  + SessionLog.Entry(SessionLogEntry.From(second))
                  + "\n## Closed\n- **Errors**: 2\n  - 14:01 build failed: CS1002\n";

        var errors = SessionLogErrors.Read(log);

        Assert.Equal(
            [new SessionError(Start.AddSeconds(65), "build failed: CS1002"), new SessionError(Start.AddMinutes(7), SessionError.NoMessage)],
            errors);
    }

    [Fact]
    public void Read_OfALogWithoutErrors_IsEmpty()
    {
        Assert.Empty(SessionLogErrors.Read("# Session 00001 Log\n\n## Log\n- 2026-11-24 14:00:00 [start] session 00001 started\n"));
    }
}
