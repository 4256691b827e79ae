using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Cli.Remote;

/// <summary>
/// Turns the server's Problem Details back into the exception the embedded command would have
/// thrown, so that ErrorReporter prints the same line and returns the same exit code: the
/// <c>kind</c> extension names the session error's kind; without one, the status stands for it.
/// </summary>
internal static class RemoteProblem
{
    public static Exception ToException(HttpStatusCode status, string body, string server)
    {
        JsonObject? problem = null;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            // Not Problem Details (a proxy's page): the status says enough.
        }

        var detail = Text(problem, "detail") ?? Text(problem, "title") ?? $"the server at {server} answered {(int)status} {status}.";
        if (problem?["errors"] is JsonArray errors && Text(problem, "source") is { } source)
        {
            return new WorkflowValidationException(source, [.. errors.Select(e => new DefinitionError(Text(e as JsonObject, "path") ?? "", Text(e as JsonObject, "message") ?? ""))]);
        }

        if (status == HttpStatusCode.Unauthorized)
        {
            return new SessionException(
                $"the server at {server} refused the token of .lifecycle/token; restart 'lifecycle serve' (it writes the token it checks), or stop it to work without it.");
        }

        var kind = Text(problem, "kind") is { } named && Enum.TryParse<ErrorKind>(named, ignoreCase: true, out var parsed) ? parsed : KindOf(status);
        return new RemoteSessionException(detail, kind, Text(problem, "instanceId"));
    }

    private static ErrorKind KindOf(HttpStatusCode status) => (int)status switch
    {
        400 or 413 or 415 => ErrorKind.InvalidInput,
        404 => ErrorKind.NotFound,
        409 => ErrorKind.Conflict,
        422 => ErrorKind.Blocked,
        503 => ErrorKind.Interrupted,
        _ => ErrorKind.Failure,
    };

    private static string? Text(JsonObject? json, string key) =>
        json?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
