using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// The MCP server on <c>lifecycle serve</c>, at <c>/mcp</c> (Streamable HTTP), behind the same
/// bearer token as <c>/api</c> (<see cref="Serving.TokenAuthentication"/>). Stateless: every request
/// stands alone, so a client outlives a restart of the server and nothing is kept per client.
/// </summary>
public static class McpHttp
{
    public const string Path = "/mcp";

    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IMcpSessions, ServedSessions>();
        services.AddLifecycleMcp().WithHttpTransport(transport => transport.Stateless = true);
    }

    public static IEndpointRouteBuilder MapLifecycleMcp(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMcp(Path);

        // Stateless, the server has no stream to GET and no session to DELETE: the transport says
        // to answer 405 then (a 404 would tell the client its session expired).
        endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head, HttpMethods.Delete], (HttpContext context) =>
            {
                context.Response.Headers.Allow = HttpMethods.Post;
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status405MethodNotAllowed,
                    title: "Method not allowed",
                    detail: $"{Path} is stateless: send each JSON-RPC message with POST (no stream to GET, no session to DELETE).");
            })
            .ExcludeFromDescription();
        return endpoints;
    }
}
