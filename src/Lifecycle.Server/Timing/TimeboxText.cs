using System.Globalization;
using System.Text.RegularExpressions;
using Lifecycle.Activities;
using Lifecycle.Activities.Configuration;

namespace Lifecycle.Server.Timing;

/// <summary>
/// A timebox as people write it: <c>45</c> (minutes), <c>90m</c>, <c>2h</c>, <c>1h30m</c> (also
/// <c>1h30</c>, any case, spaces between the parts), from 1 minute to 12 hours.
/// </summary>
public static partial class TimeboxText
{
    /// <summary>The accepted forms, as every error about a timebox names them.</summary>
    public const string Forms = "minutes or hours and minutes, like 45, 90m, 1h30m or 2h, from 1 minute to 12 hours";

    /// <summary>The timebox in whole minutes; a <see cref="SessionException"/> (invalid input) naming the accepted forms otherwise.</summary>
    public static int ParseMinutes(string text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success || (!match.Groups["h"].Success && !match.Groups["m"].Success))
        {
            throw Invalid(text);
        }

        var hours = match.Groups["h"].Success ? long.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
        var minutes = match.Groups["m"].Success ? long.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var total = hours * 60 + minutes;
        return total is >= 1 and <= TimingConfig.MaxTimeboxMinutes ? (int)total : throw Invalid(text);
    }

    /// <summary>Checks minutes given as a number (HTTP's <c>timeboxMinutes</c>, the config's default).</summary>
    public static int Check(int minutes) =>
        minutes is >= 1 and <= TimingConfig.MaxTimeboxMinutes
            ? minutes
            : throw new SessionException($"The timebox must be from 1 to {TimingConfig.MaxTimeboxMinutes} minutes (12 hours); got {minutes}.", ErrorKind.InvalidInput);

    /// <summary>Minutes as people read them: <c>45 min</c>, <c>2 h</c>, <c>1 h 30 min</c>.</summary>
    public static string Describe(int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        var (h, m) => $"{h} h {m} min",
    };

    private static SessionException Invalid(string? text) =>
        new($"--timebox takes {Forms}; got '{text}'.", ErrorKind.InvalidInput);

    // Up to 5 digits per part: longer is absurd (and would overflow nothing, but is a typo).
    [GeneratedRegex(@"^\s*(?:(?<h>\d{1,5})\s*h(?:ours?|rs?)?)?\s*(?:(?<m>\d{1,5})\s*(?:m|min|mins|minutes?)?)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
