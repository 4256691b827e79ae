using Lifecycle.Server.Serving;
using System.Text.Json.Nodes;
using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Lifecycle.Server.Api;

/// <summary>
/// <c>/hooks/{path}</c>: the workflows' <c>Http</c> triggers (<c>{"type": "Http", "method": "POST",
/// "path": "deploy/done"}</c> answers <c>POST /hooks/deploy/done</c>). The call needs the token like
/// <c>/api</c>. Its JSON object body, and its query parameters (as strings; a repeated one as an
/// array), are the workflow's input; a name in both is refused. The latest published version runs
/// until it finishes, suspends or faults, and the answer is the document of
/// <c>lifecycle workflow run --json</c> (200, a fault included, as <c>execute</c>).
/// </summary>
/// <remarks>
/// A path no workflow declares is 404; a declared path called with another method is 405 with an
/// <c>Allow</c> header; two workflows declaring the same method and path are 409 (which to run
/// would be a guess).
/// </remarks>
public static class HooksApi
{
    public static IEndpointRouteBuilder MapHooksApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/hooks/{**path}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], HandleAsync)
            .WithTags("Hooks")
            .WithSummary("Runs the workflow whose Http trigger declares this method and path, with the body and query as input");
        return endpoints;
    }

    private static async Task<Results<Ok<RunResult>, ProblemHttpResult>> HandleAsync(
        string? path, HttpContext context, WorkflowHooks hooks, WorkflowEngine engine, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var match = await hooks.MatchAsync(request.Method, path ?? "", cancellationToken);
        if (match.Workflow is null)
        {
            context.Response.Headers.Allow = string.Join(", ", match.AllowedMethods);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status405MethodNotAllowed,
                title: "Method not allowed",
                detail: $"No workflow is triggered by {request.Method} on '{path}'; its Http triggers take {string.Join(", ", match.AllowedMethods)}.");
        }

        var input = await InputAsync(request, cancellationToken);

        // Not the request's token: a client that goes away does not cut the run off inside an activity.
        var run = await engine.RunAsync(match.Workflow, input, CancellationToken.None);
        RequestLogProperties.NoteInstance(context, run.InstanceId);
        return TypedResults.Ok(run);
    }

    /// <summary>The body's object with the query's parameters added; null when there is neither.</summary>
    private static async Task<JsonObject?> InputAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var input = await JsonBody.ReadAnyObjectAsync(request, "(the workflow's input)", cancellationToken);
        foreach (var (name, values) in request.Query)
        {
            input ??= [];
            if (input.ContainsKey(name))
            {
                throw new BadHttpRequestException($"Input '{name}' is given both in the query and in the body; give it once.", StatusCodes.Status400BadRequest);
            }

            input[name] = values.Count == 1 ? JsonValue.Create(values[0]) : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return input;
    }
}
