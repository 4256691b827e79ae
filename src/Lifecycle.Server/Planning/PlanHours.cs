using System.Globalization;
using Lifecycle.Activities;

namespace Lifecycle.Server.Planning;

/// <summary>The time budget of a plan in hours: a number above 0, at most a day.</summary>
public static class PlanHours
{
    /// <summary>The longest budget accepted, in hours.</summary>
    public const double Max = 24;

    /// <summary>Parses hours given as text (<c>1.5</c>; hours only); throws the one-line message naming <paramref name="name"/> otherwise.</summary>
    /// <param name="text">What was given.</param>
    /// <param name="name">How the value was given: <c>--hours</c>, or <c>"hours"</c> in a body.</param>
    public static double Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var hours)
            ? Check(hours)
            : throw new SessionException($"{name} must be a number of hours above 0 (e.g. 1.5), not '{text}'.", ErrorKind.InvalidInput);
    }

    /// <summary>The shortest budget accepted, in hours: one minute (a budget under it plans nothing).</summary>
    public const double Min = 1.0 / 60;

    /// <summary><paramref name="hours"/> when it is at least a minute and at most <see cref="Max"/>; throws the one-line message otherwise.</summary>
    public static double Check(double hours) =>
        double.IsFinite(hours) && hours >= Min && hours <= Max
            ? hours
            : throw new SessionException(
                string.Create(CultureInfo.InvariantCulture, $"The plan's hours must be at least one minute (0.02) and at most {Max:0} (e.g. 1.5), not {hours}."), ErrorKind.InvalidInput);
}
