using System.Security.Cryptography;
using System.Text;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Server.Serving;

/// <summary>
/// The bearer token of the HTTP API, kept in <c>.lifecycle/token</c> (mode 0600, created with
/// that mode so that it is never readable by others, not even for a moment). Compared in constant
/// time; never logged.
/// </summary>
public sealed class AccessToken
{
    private readonly byte[] _expected;

    private AccessToken(string value)
    {
        Value = value;
        _expected = Encoding.UTF8.GetBytes(value);
    }

    /// <summary>The token, for the login cookie and for clients of this machine.</summary>
    public string Value { get; }

    /// <summary>Reads the repository's token, making one when there is none (or it is empty).</summary>
    public static AccessToken LoadOrCreate(LifecyclePaths paths)
    {
        Directory.CreateDirectory(paths.StateFolder);
        if (Read(paths.TokenFile) is { } existing)
        {
            return new AccessToken(existing);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var temporary = paths.TokenFile + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(token + "\n"));
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A temporary file left by an earlier attempt keeps its mode; make it 0600 whatever it was.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, paths.TokenFile, overwrite: true);
        return new AccessToken(token);
    }

    /// <summary>The token in <paramref name="path"/>, or null when there is none.</summary>
    public static string? Read(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="presented"/> is the token; takes the same time whatever it holds.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
}
