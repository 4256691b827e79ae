using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lifecycle.Server.Serving;

/// <summary>
/// One-time codes for the login URL that <c>serve</c> prints: each opens the dashboard once (it
/// sets the cookie) and is then spent, so a URL left in a terminal's scrollback opens nothing.
/// </summary>
public sealed class LoginCodes
{
    private readonly ConcurrentDictionary<string, byte> _unused = new(StringComparer.Ordinal);

    /// <summary>A new code, good for one login.</summary>
    public string Issue()
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _unused[code] = 0;
        return code;
    }

    /// <summary>True (once) for a code issued and not yet used.</summary>
    public bool Redeem(string? code) => code is not null && _unused.TryRemove(code, out _);
}
