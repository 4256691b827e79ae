using Lifecycle.Server.Cli;
using Lifecycle.Server.Serving;
using ModelContextProtocol;

namespace Lifecycle.Server.Mcp;

/// <summary>
/// The MCP form of the application layer's errors: the exception's one-line message, the same the
/// CLI prints after <c>error:</c>, as an <see cref="McpException"/>, which the SDK hands to the
/// agent as a tool error (<c>isError: true</c>) or a resource error, never a stack trace.
/// </summary>
public static class McpErrors
{
    /// <summary>The MCP error for <paramref name="exception"/>; null for one the SDK already reports as it should (an MCP error, a cancelled request).</summary>
    public static McpException? Translate(Exception exception) => exception switch
    {
        McpException => null,
        OperationCanceledException => null,
        _ when ApiErrors.Describe(exception) is not null => new McpException(exception.Message, exception),
        UsageException or IOException or UnauthorizedAccessException => new McpException(exception.Message, exception),
        Microsoft.Data.Sqlite.SqliteException sqlite => new McpException($"the state database failed: {sqlite.Message}", exception),
        _ => new McpException($"{exception.GetType().Name}: {exception.Message}", exception),
    };
}
