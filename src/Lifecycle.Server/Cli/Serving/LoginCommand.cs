using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lifecycle.Activities.Setup;
using Lifecycle.Server.Api;
using Lifecycle.Server.Serving;

namespace Lifecycle.Server.Cli.Serving;

/// <summary>
/// <c>login</c>: prints a new one-time URL that opens the dashboard of the repository's running
/// server (each URL works once; <c>serve</c> prints the first). Asks the server with the token of
/// <c>.lifecycle/token</c>, so only someone who can read the repository's state gets one.
/// </summary>
public static class LoginCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("login", "Print a new one-time URL that opens the dashboard of this repository's running server");
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var paths = LifecyclePaths.For(context.Repository);
            var server = ServerFile.Running(paths)
                ?? throw new Lifecycle.Activities.SessionException(
                    "No server runs for this repository; start one with 'lifecycle serve' (it prints a login URL) and run 'lifecycle login' again for another.",
                    Lifecycle.Activities.ErrorKind.NotFound);
            var token = AccessToken.Read(paths.TokenFile)
                ?? throw new Lifecycle.Activities.SessionException($"The server's token is missing from {paths.TokenFile}; restart 'lifecycle serve' to write it again.");
            using var http = new HttpClient { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.PostAsync("/api/login-codes", null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new Lifecycle.Activities.SessionException(
                    $"The server at {server.Url} refused a login URL ({(int)response.StatusCode}); check that .lifecycle/token is the one it wrote, or restart 'lifecycle serve'.");
            }

            var link = await response.Content.ReadFromJsonAsync<LoginApi.LoginLink>(CliJson.Options, cancellationToken)
                ?? throw new Lifecycle.Activities.SessionException($"The server at {server.Url} answered no login URL; restart 'lifecycle serve'.");
            if (context.Json)
            {
                context.WriteJson(new { url = link.Url });
            }
            else
            {
                context.Out.WriteLine($"Dashboard login (works once): {link.Url}");
            }

            return ExitCodes.Ok;
        });
    }
}
