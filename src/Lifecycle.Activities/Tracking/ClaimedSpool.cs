using System.Globalization;
using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Tracking;

/// <summary>
/// A spool an ingester renamed aside, named <c>claimed-UNIXMS-RANDOM.OFFSET</c>: when it was claimed
/// and how many of its bytes have been delivered (renamed on, as a batch completes).
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Stem">The name without the offset: the same for the file's whole life.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
/// <param name="Offset">Bytes delivered so far.</param>
internal sealed partial record ClaimedSpool(string Path, string Stem, DateTimeOffset ClaimedAt, long Offset)
{
    /// <summary>The name for the live spool claimed at <paramref name="now"/>.</summary>
    public static string NewName(DateTimeOffset now) =>
        $"claimed-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}-{Random.Shared.Next():x8}.0";

    /// <summary>Reads a claimed spool's name; null for any other file.</summary>
    public static ClaimedSpool? From(string path)
    {
        var match = NamePattern().Match(System.IO.Path.GetFileName(path));
        return match.Success
               && long.TryParse(match.Groups["ms"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
               && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
               && long.TryParse(match.Groups["offset"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new ClaimedSpool(path, match.Groups["stem"].Value, DateTimeOffset.FromUnixTimeMilliseconds(ms), offset)
            : null;
    }

    /// <summary>The file's path once <paramref name="offset"/> bytes are delivered.</summary>
    public string PathAt(long offset) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!, $"{Stem}.{offset.ToString(CultureInfo.InvariantCulture)}");

    [GeneratedRegex(@"^(?<stem>claimed-(?<ms>\d{1,15})-[0-9a-f]{8})\.(?<offset>\d{1,18})$")]
    private static partial Regex NamePattern();
}
