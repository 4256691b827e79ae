using System.Net.Http.Headers;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Lifecycle.Server.Tests.Support;

/// <summary>
/// The server of a real git repository (made by <see cref="SessionRepositories.Prepare"/>) behind
/// <c>WebApplicationFactory</c>: the same host builder <c>lifecycle serve</c> runs, on the test server.
/// </summary>
public sealed class ServerFactory : WebApplicationFactory<ServerOptions>
{
    public ServerFactory()
    {
        Cli = SessionRepositories.Prepare(Folder);
    }

    public TempFolder Folder { get; } = new();

    /// <summary>The real CLI on the same repository (for the state a test needs first).</summary>
    public CliRunner Cli { get; }

    public string Repository => Folder.Path;

    public LifecyclePaths Paths => LifecyclePaths.For(Folder.Path);

    /// <summary>Changes the options before the server starts (it starts on the first client).</summary>
    public Func<ServerOptions, ServerOptions> Configure { get; set; } = options => options;

    /// <summary>A client that sends the repository's token.</summary>
    public HttpClient Authorized()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken.Read(Paths.TokenFile) ?? Token());
        return client;
    }

    /// <summary>A client like the dashboard's browser after the login URL: the cookie, no bearer token, and our own Origin on changes.</summary>
    public HttpClient Browser()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{TokenAuthentication.CookieName}={Token()}");
        client.DefaultRequestHeaders.Add("Origin", $"{client.BaseAddress!.Scheme}://{client.BaseAddress.Authority}");
        return client;
    }

    /// <summary>A client without the token.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override IHostBuilder CreateHostBuilder() =>
        ServerHost.CreateBuilder(Configure(new ServerOptions(Folder.Path) { LogToConsole = false, TrimMemoryAfterStart = false }));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Folder.Dispose();
        }
    }

    private string Token()
    {
        _ = Server;
        return AccessToken.Read(Paths.TokenFile)!;
    }
}
