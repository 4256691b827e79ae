using System.Globalization;

namespace Lifecycle.Activities.Sessions;

/// <summary>Session ids are five-digit numbers per repository: 00001, 00002, …</summary>
public static class SessionId
{
    public const string First = "00001";

    /// <summary>The id after <paramref name="id"/>.</summary>
    public static string Next(string id) => Format(Parse(id) + 1);

    public static string Format(int number) =>
        number is > 0 and <= 99_999
            ? number.ToString("D5", CultureInfo.InvariantCulture)
            : throw new SessionException($"Session number {number} is out of range 1 to 99999.", ErrorKind.InvalidInput);

    /// <summary>Reads an id; accepts "7", "00007" or "SESSION-00007" and rejects anything else.</summary>
    public static int Parse(string id)
    {
        var digits = id.StartsWith("SESSION-", StringComparison.OrdinalIgnoreCase) ? id[8..] : id;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 99_999
            ? number
            : throw new SessionException($"'{id}' is not a session id; ids look like 00001 (see 'lifecycle sessions').", ErrorKind.InvalidInput);
    }

    /// <summary>Normalizes any accepted form to the five-digit id.</summary>
    public static string Normalize(string id) => Format(Parse(id));
}
