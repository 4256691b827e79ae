using System.Text.RegularExpressions;
using Lifecycle.Server.Tests.Support;
using Microsoft.Playwright;

namespace Lifecycle.Server.Tests.Browser;

/// <summary>
/// The real <c>lifecycle serve</c> on a real git repository, and a browser page signed in the way a
/// user signs in: the one-time URL of <c>lifecycle login</c>. Every request the page makes is
/// checked to stay on the server (nothing from the internet), and every console error fails the test.
/// </summary>
public sealed partial class DashboardBrowser : IAsyncDisposable
{
    private readonly TempFolder _folder;
    private readonly IBrowserContext _context;
    private readonly List<string> _outside = [];
    private readonly List<string> _consoleErrors = [];

    private DashboardBrowser(TempFolder folder, CliRunner cli, RunningServer server, IBrowserContext context, IPage page)
    {
        _folder = folder;
        Cli = cli;
        Server = server;
        _context = context;
        Page = page;
    }

    public CliRunner Cli { get; }

    public RunningServer Server { get; }

    public IPage Page { get; }

    public string Repository => _folder.Path;

    /// <summary>Requests the page made to anywhere but the server.</summary>
    public IReadOnlyList<string> Outside => _outside;

    /// <summary>Errors the page's scripts logged.</summary>
    public IReadOnlyList<string> ConsoleErrors => _consoleErrors;

    public static async Task<DashboardBrowser> StartAsync(Chromium chromium, int width = 1280, int height = 900)
    {
        var folder = new TempFolder();
        var cli = SessionRepositories.Prepare(folder);
        var server = await RunningServer.StartAsync(cli);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        var browser = new DashboardBrowser(folder, cli, server, context, page);
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.Url, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                browser._outside.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            // A refused request (a 4xx the test provokes on purpose) is logged by the browser, not by our scripts.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                browser._consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => browser._consoleErrors.Add(error);
        return browser;
    }

    /// <summary>Opens a new one-time login URL from <c>lifecycle login</c>; lands on the sessions page.</summary>
    public async Task SignInAsync()
    {
        var login = await Cli.RunAsync("login");
        Assert.Equal(0, login.ExitCode);
        var url = LoginUrl().Match(login.Stdout).Value;
        await Page.GotoAsync(url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Sessions", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Goes to a path of the server and waits for the page to load.</summary>
    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(Server.Url + path);

    /// <summary>A client of the API with the token, to set up state the way a script would.</summary>
    public HttpClient Api() => Server.Client();

    /// <summary>Saves a full-page picture as <c>NAME.png</c> (docs/screenshots/ when <c>LIFECYCLE_SCREENSHOTS</c> names that folder).</summary>
    public Task ScreenshotAsync(string name) => Screenshots.SaveAsync(Page, name);

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await Server.DisposeAsync();
        _folder.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/login\?code=[0-9a-f]+")]
    private static partial Regex LoginUrl();
}
