using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lifecycle.Server.Api;

/// <summary>
/// Documents in the OpenAPI document the body an endpoint reads itself (<see cref="JsonBody"/>):
/// <c>Accepts&lt;T&gt;</c> would do it too, but it also makes routing refuse any other Content-Type
/// with a bare 415, and <c>curl -d</c> says form data.
/// </summary>
internal static class JsonBodyDocs
{
    /// <summary>Declares that <paramref name="endpoint"/> takes a JSON <typeparamref name="T"/> (optional) as its body.</summary>
    public static RouteHandlerBuilder DocumentsBody<T>(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        });
}
