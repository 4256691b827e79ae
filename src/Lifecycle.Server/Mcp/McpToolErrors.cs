using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// A tool that fails answers the error's one line alone (<c>isError: true</c>), as the CLI prints
/// it, without the SDK's "An error occurred invoking 'tool'" in front; arguments that do not bind
/// (a required one missing, a text where a number goes) say which argument and what it takes.
/// </summary>
public static class McpToolErrors
{
    public static McpRequestHandler<CallToolRequestParams, CallToolResult> Filter(McpRequestHandler<CallToolRequestParams, CallToolResult> next) =>
        async (request, cancellationToken) =>
        {
            try
            {
                return await next(request, cancellationToken);
            }
            catch (McpException error) when (error is not McpProtocolException)
            {
                return Failed(error.Message);
            }
            catch (Exception error) when (error is ArgumentException or System.Text.Json.JsonException or FormatException or InvalidCastException)
            {
                return Failed($"Bad arguments for '{request.Params?.Name}': {Problem(error)}; see the tool's input schema (tools/list).");
            }
        };

    /// <summary>What is wrong with the arguments, in JSON's terms rather than .NET's.</summary>
    private static string Problem(Exception error)
    {
        if (error is System.Text.Json.JsonException)
        {
            var type = System.Text.RegularExpressions.Regex.Match(error.Message, @"System\.(\w+)").Groups[1].Value;
            var wanted = type switch
            {
                "Int32" or "Int64" => "a whole number",
                "Boolean" => "true or false",
                "String" => "a string",
                _ => "a value of another type",
            };
            return $"an argument is not {wanted}";
        }

        // "... for the required parameter 'title'. (Parameter 'arguments')": the SDK's own parameter is noise.
        return System.Text.RegularExpressions.Regex.Replace(error.Message, @"\.? \(Parameter '[^']*'\)$", "").TrimEnd('.');
    }

    private static CallToolResult Failed(string message) => new() { IsError = true, Content = [new TextContentBlock { Text = message }] };
}
