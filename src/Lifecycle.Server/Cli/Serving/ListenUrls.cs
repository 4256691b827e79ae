using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Cli.Serving;

/// <summary>
/// Checks <c>serve --urls</c> before the host is built: Kestrel's own errors for a bad URL come
/// out as "unexpected error: FormatException" or "ArgumentOutOfRangeException (Parameter 'port')"
/// with exit 1, when the user only mistyped an option (exit 2, with what to write instead).
/// </summary>
internal static class ListenUrls
{
    private const string Example = "write it like http://127.0.0.1:5170, or leave --urls out for a free loopback port";

    /// <summary>Throws a <see cref="UsageException"/> naming the first URL of <paramref name="urls"/> (';'-separated) the server cannot listen on.</summary>
    public static void Check(string urls)
    {
        var parts = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new UsageException($"--urls names no address; {Example}.");
        }

        foreach (var url in parts)
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new UsageException($"--urls '{url}' is not a URL to listen on; {Example}.");
            }

            if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--urls '{url}': the server listens on http only (https would need a certificate it is not given); {Example}, behind a TLS proxy if you need https.");
            }

            if (address.Port is < 0 or > 65535)
            {
                throw new UsageException($"--urls '{url}': {address.Port} is not a port (0 to 65535, 0 for a free one); {Example}.");
            }

            if (address.Port == 0 && string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                throw new UsageException($"--urls '{url}': a free port cannot be picked for 'localhost' (it names two addresses); use http://127.0.0.1:0 or http://[::1]:0.");
            }

            if (!string.IsNullOrEmpty(address.PathBase))
            {
                throw new UsageException($"--urls '{url}' has a path ('{address.PathBase}'); the API is served at the root, so {Example}.");
            }
        }
    }
}
