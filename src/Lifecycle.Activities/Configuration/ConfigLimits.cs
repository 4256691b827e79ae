namespace Lifecycle.Activities.Configuration;

/// <summary>The bounds the settings' attributes state, for the schema (<see cref="ConfigSchemaGenerator"/>).</summary>
/// <remarks>
/// The reader (<c>ConfigReader</c>) checks the same bounds in code; a test holds the two together
/// by reading each bound the schema states, and one past it, through the reader.
/// </remarks>
internal static class ConfigLimits
{
    /// <summary>A week: the most any setting in minutes may be.</summary>
    public const int MaxMinutes = 7 * 24 * 60;

    /// <summary>Ten years: the longest ended workflow instances may be kept (0 keeps them forever).</summary>
    public const int MaxRetentionDays = 3650;

    /// <summary>A day: the longest a command agent may run.</summary>
    public const int MaxTimeoutSeconds = 24 * 60 * 60;

    /// <summary>A terabyte, in megabytes (2^40): the most free space the disk-space agent may ask for.</summary>
    public const double MaxMegabytes = 1099511627776d;

    /// <summary>Twelve hours: the longest timebox (<c>start --timebox</c>, <c>timing.timeboxMinutes</c>).</summary>
    public const int MaxTimeboxMinutes = 12 * 60;

    /// <summary>Text with something besides white space.</summary>
    public const string NotBlankPattern = @"\S";

    /// <summary>
    /// A path inside the repository: not rooted (no leading slash or drive), no '..' segment, not blank.
    /// Slightly stricter than the reader on Unix, which takes <c>C:x</c> as a relative path.
    /// </summary>
    public const string RelativePathPattern = @"^(?![/\\])(?![A-Za-z]:)(?!(.*[/\\])?\.\.([/\\]|$))(?=.*\S).+$";
}
