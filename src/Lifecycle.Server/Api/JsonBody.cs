using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lifecycle.Server.Serving;
using Microsoft.AspNetCore.Http;

namespace Lifecycle.Server.Api;

/// <summary>
/// Request bodies read by the endpoints themselves, so that every way a body can be wrong gets a
/// 4xx Problem Details saying what to send: larger than <see cref="ServerOptions.MaxRequestBodyBytes"/>
/// (413, also where the server enforces no limit, like the test server), not UTF-8, not JSON (400),
/// not an object, an unknown field or a field of the wrong type (400). The Content-Type is not
/// checked: a body is JSON whatever it says (<c>curl -d</c> says form data), so no client gets 415.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerOptions.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The body as text (empty when there is none).</summary>
    public static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ServerOptions.MaxRequestBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ServerOptions.MaxRequestBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new BadHttpRequestException("The body is not UTF-8 text; send JSON encoded as UTF-8.", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The body as a JSON object with only <paramref name="fields"/>; null when the body is empty.</summary>
    /// <exception cref="BadHttpRequestException">Not JSON, not an object, or a field no one asked for (400); too large (413).</exception>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken, params string[] fields)
    {
        var body = await ReadAnyObjectAsync(request, $"with {Fields(fields)}", cancellationToken);
        if (body?.Select(p => p.Key).FirstOrDefault(k => !fields.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            throw new BadHttpRequestException($"Unknown field '{unknown}'; the body takes {Fields(fields)}.", StatusCodes.Status400BadRequest);
        }

        return body;
    }

    /// <summary>The body as a JSON object with any fields; null when the body is empty.</summary>
    /// <param name="request">The request.</param>
    /// <param name="expected">What the object holds, for the message when it is not one ("with 'input'").</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async Task<JsonObject?> ReadAnyObjectAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        var text = await ReadTextAsync(request, cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException malformed)
        {
            throw new BadHttpRequestException($"The body is not valid JSON ({malformed.Message}); send a JSON object {expected}.", StatusCodes.Status400BadRequest);
        }

        return node as JsonObject ??
               throw new BadHttpRequestException($"The body must be a JSON object {expected}; got {Kind(node)}.", StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The body as a <typeparamref name="T"/> with only <paramref name="fields"/> at the top and no
    /// unknown field below; default when the body is empty. Read here rather than bound by the
    /// framework, whose errors name .NET types ("Failed to read parameter ...") and which answers a
    /// <c>curl -d</c> body with a bare 415.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="shape">What each field takes, for the message when one is wrong ("'ids': a list of strings").</param>
    /// <param name="cancellationToken">Stops reading.</param>
    /// <param name="fields">The fields the body may have.</param>
    public static async Task<T?> ReadAsAsync<T>(HttpRequest request, string shape, CancellationToken cancellationToken, params string[] fields)
    {
        var body = await ReadObjectAsync(request, cancellationToken, fields);
        try
        {
            return body is null ? default : body.Deserialize<T>(Strict);
        }
        catch (JsonException wrong)
        {
            var field = wrong.Path is { Length: > 2 } path ? $"Field '{path[2..]}'" : "A field";
            throw new BadHttpRequestException($"{field} is unknown or of the wrong type; the body takes {shape}.", StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Field <paramref name="name"/> as an object; null when absent or null.</summary>
    public static JsonObject? Object(JsonObject? body, string name) => body?[name] switch
    {
        null => null,
        JsonObject value => value,
        var other => throw WrongType(name, "a JSON object", other),
    };

    /// <summary>Field <paramref name="name"/> as a string; null when absent or null.</summary>
    public static string? String(JsonObject? body, string name) => body?[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out string? text) => text,
        var other => throw WrongType(name, "a string", other),
    };

    /// <summary>Field <paramref name="name"/> as any JSON (detached from the body); null when absent.</summary>
    public static JsonNode? Any(JsonObject? body, string name) => body?[name]?.DeepClone();

    private static BadHttpRequestException WrongType(string name, string wanted, JsonNode value) =>
        new($"Field '{name}' must be {wanted}; got {Kind(value)}.", StatusCodes.Status400BadRequest);

    private static BadHttpRequestException TooLarge() =>
        new($"The body is larger than {ServerOptions.MaxRequestBodyBytes / 1024} KB, the most this server accepts.", StatusCodes.Status413PayloadTooLarge);

    private static string Fields(string[] fields) =>
        fields.Length == 0 ? "no fields" : string.Join(", ", fields.Select(f => $"'{f}'"));

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
    };
}
