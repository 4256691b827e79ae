using System.Globalization;
using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Handoff;

/// <summary>
/// The errors a session log recorded (its <c>[error]</c> lines), read back for
/// <c>lifecycle recover</c> when the events in the store were lost with the database.
/// </summary>
public static partial class SessionLogErrors
{
    /// <summary>
    /// Each <c>- yyyy-MM-dd HH:mm:ss [error] message</c> line of <paramref name="log"/>, in order, with
    /// its time (UTC, as <see cref="SessionLog.Entry"/> writes them without a zone); lines of the
    /// closing section's error list are not entries and are not read.
    /// </summary>
    public static IReadOnlyList<SessionError> Read(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return [.. ErrorLine().Matches(log).Select(match => new SessionError(
            new DateTimeOffset(DateTime.ParseExact(match.Groups["time"].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero),
            match.Groups["message"].Value.Trim()))];
    }

    [GeneratedRegex(@"^- (?<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \[error\] (?<message>[^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ErrorLine();
}
