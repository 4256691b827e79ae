using System.Text.RegularExpressions;

namespace Lifecycle.Activities.Redaction;

/// <summary>
/// Values that say where a secret is rather than what it is: a variable reference, a path, a file
/// name given to a name that holds a file, a version. A secret-named pair with one of these stays.
/// </summary>
/// <remarks>
/// Each shape is narrow on purpose: a generated secret may start with <c>$</c>, <c>~</c>, <c>{</c>
/// or <c>/</c>, or hold a dot (<c>9fK2xQ7mZ1vB8nL3.Pq4</c>), so a first character or a dot alone
/// proves nothing. A path has a slash: base64 secrets have slashes too, but never a file extension
/// after the last one, and rarely two segments after a leading <c>/</c>.
/// </remarks>
internal static partial class ValueShapes
{
    /// <summary>True for <c>$VAR</c>, <c>${VAR}</c>, <c>${{ secrets.X }}</c>, <c>$(command)</c>, <c>$env:VAR</c>, <c>%VAR%</c>, <c>{{ template }}</c> and <c>&lt;placeholder&gt;</c>, alone or before a path.</summary>
    public static bool IsReference(string value) => Reference().IsMatch(value);

    /// <summary>
    /// True for a path with a slash: rooted (<c>/run/secrets/db</c>, <c>~/.ssh/id_ed25519</c>,
    /// <c>./key.pem</c>, <c>C:\keys\app.pfx</c>) or relative ending in a file name with an extension
    /// or in a slash (<c>config/secrets.yml</c>, <c>keys/</c>).
    /// </summary>
    public static bool IsPath(string value) => (value.Contains('/') || value.Contains('\\')) && Path().IsMatch(value);

    /// <summary>True when the pair's name says it holds a file (<c>key_file</c>, <c>TOKEN_PATH</c>) and the value is a file name (<c>config.json</c>).</summary>
    public static bool IsFileNameOf(string name, string value) => FileHolder().IsMatch(name) && FileName().IsMatch(value);

    /// <summary>True for a version number: <c>1.2.3</c>, <c>v10.0.100-rc.2</c>.</summary>
    public static bool IsVersion(string value) => Version().IsMatch(value);

    // A $NAME reference is all upper or all lower case, or has no digit: $Xy7k9Lm2Qr8vZ is a secret.
    [GeneratedRegex(@"^(?:\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*|[A-Za-z_]+)|\$env:[A-Za-z_][A-Za-z0-9_]*|\$\{[^{}\s]+\}|\$\{\{.*\}\}|\$\(.*\)|%[A-Za-z_][A-Za-z0-9_]*%|\{\{.*\}\}|<[A-Za-z0-9_ .-]+>)(?:[/\\]\S*)?$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Reference();

    // Rooted: after ~ . .. or a drive, any segments; after a bare slash, two segments or a file name.
    // Relative: segments ending in a file name with an extension, or in a slash.
    [GeneratedRegex(@"^(?:(?:~|\.{1,2}|[A-Za-z]:)(?:[/\\][\w.-]+)+[/\\]?|(?:[/\\][\w.-]+){2,}[/\\]?|[/\\][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,5}|[\w.-]+(?:[/\\][\w.-]+)*(?:[/\\][\w.-]*\.[A-Za-z][A-Za-z0-9]{0,5}|[/\\]))$",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Path();

    [GeneratedRegex(@"(?i)(?:file|path|dir|directory|folder|filename|location)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex FileHolder();

    [GeneratedRegex(@"^[\w-]+(?:\.[\w-]+)*\.[a-z][a-z0-9]{0,5}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex FileName();

    [GeneratedRegex(@"^v?\d+(?:\.\d+)+(?:[-+][0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Version();
}
