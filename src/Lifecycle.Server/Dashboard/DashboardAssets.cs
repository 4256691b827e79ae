using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Lifecycle.Server.Dashboard;

/// <summary>
/// The dashboard's stylesheet, scripts and icon, embedded in the executable (<c>Dashboard/Assets/</c>
/// as resources <c>dashboard/NAME</c>) and served at <c>/assets/NAME</c>: nothing is read from disk
/// or fetched from the internet. Each URL carries the content's hash (<see cref="Url"/>), so a page
/// never runs a stale script after an upgrade and browsers may keep an asset for a year.
/// </summary>
public static class DashboardAssets
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, Asset> Assets = Load();

    /// <summary>The address of an embedded asset, with its version; throws for a name that is not embedded (a bug, caught by the page tests).</summary>
    public static string Url(string name) =>
        Assets.TryGetValue(name, out var asset)
            ? $"/assets/{name}?v={asset.Version}"
            : throw new InvalidOperationException($"No dashboard asset named '{name}' is embedded.");

    /// <summary>The text of an embedded asset (tests read it to check what the pages ship).</summary>
    internal static string Text(string name) => System.Text.Encoding.UTF8.GetString(Assets[name].Content);

    internal static IEnumerable<string> Names => Assets.Keys;

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{name}", Serve).ExcludeFromDescription().WithName("DashboardAsset");
        return endpoints;
    }

    private static IResult Serve(string name, HttpContext context)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{asset.Version}\"");
        var headers = context.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = context.Request.Query["v"] == asset.Version
            ? new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { NoCache = true };
        if (context.Request.GetTypedHeaders().IfNoneMatch.Any(match => match.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(resource => resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(resource => resource[ResourcePrefix.Length..], resource => Read(assembly, resource), StringComparer.Ordinal);
    }

    private static Asset Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var version = Convert.ToHexString(SHA256.HashData(content), 0, 8).ToLowerInvariant();
        return new Asset(content, ContentTypeOf(resource), version);
    }

    private static string ContentTypeOf(string resource) => Path.GetExtension(resource) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".json" => "application/json; charset=utf-8",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
