using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Journal;
using Lifecycle.Workflows.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lifecycle.Server.Api.Sessions;

/// <summary>
/// What a session request said besides its result: the workflows' <c>Log</c> lines and the
/// service's notes, which the embedded CLI prints as they come (<c>  log: …</c> on stdout,
/// <c>note: …</c> on stderr). The server sends them back as <see cref="LogHeader"/> and
/// <see cref="NoteHeader"/> response headers, one per line, so that the CLI talking to the server
/// prints the same. Collected per request, so concurrent requests keep their own.
/// </summary>
/// <remarks>
/// The one ambient scope of the server, on purpose: the engine's journal observers and the
/// service's notifier are singletons that know no request, and threading a request through the
/// use cases and the engine for what is only an echo would change every signature on the way.
/// The scope is an <see cref="AsyncLocal{T}"/> set by the endpoint filter around the endpoint, so
/// it reaches exactly the work that request awaits; the headers are added when the response
/// starts, so that an error's Problem Details (the exception handler clears headers) keeps them.
/// </remarks>
public sealed partial class SessionTranscript
{
    /// <summary>One workflow Log line (percent-encoded, since headers are ASCII).</summary>
    public const string LogHeader = "Lifecycle-Log";

    /// <summary>One note of the session service (percent-encoded).</summary>
    public const string NoteHeader = "Lifecycle-Note";

    private static readonly AsyncLocal<SessionTranscript?> Current = new();
    private readonly List<string> _log = [];
    private readonly List<string> _notes = [];

    /// <summary>Collects what the session request running in <paramref name="context"/> says, and adds it to the response's headers.</summary>
    public static async ValueTask<object?> CollectAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var transcript = new SessionTranscript();
        // On starting, not after the endpoint: an error's Problem Details (written by the exception handler, which clears the headers) keeps them too.
        context.HttpContext.Response.OnStarting(() =>
        {
            var headers = context.HttpContext.Response.Headers;
            lock (transcript._log)
            {
                if (transcript._log.Count > 0)
                {
                    headers[LogHeader] = Capped(transcript._log, "log lines (the session log has them all)");
                }

                if (transcript._notes.Count > 0)
                {
                    headers[NoteHeader] = Capped(transcript._notes, "notes (the server's log has them all)");
                }
            }

            return Task.CompletedTask;
        });
        Current.Value = transcript;
        try
        {
            var result = await next(context);
            if (result is Microsoft.AspNetCore.Http.IValueHttpResult { Value: var outcome })
            {
                Serving.RequestLogProperties.NoteSession(context.HttpContext, outcome);
            }

            return result;
        }
        finally
        {
            Current.Value = null;
        }
    }

    private void Add(List<string> lines, string line)
    {
        lock (_log)
        {
            lines.Add(line);
        }
    }

    /// <summary>Keeps the Log lines of the workflows a session request runs.</summary>
    internal sealed class LogObserver : IJournalObserver
    {
        public void OnEntry(WorkflowExecution execution, JournalEntry entry)
        {
            if (entry is { Event: JournalEvent.Completed, ActivityType: "Log", Message: { } message } && Current.Value is { } transcript)
            {
                transcript.Add(transcript._log, message);
            }
        }
    }

    /// <summary>The server's notifier: logs each note, and keeps it for the request that caused it.</summary>
    internal sealed partial class Notifier(ILogger<Notifier> logger) : ISessionNotifier
    {
        public void Note(string message)
        {
            LogNote(logger, message);
            if (Current.Value is { } transcript)
            {
                transcript.Add(transcript._notes, message);
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Note: {Note}")]
        private static partial void LogNote(ILogger logger, string note);
    }

    /// <summary>
    /// The lines, percent-encoded, up to <see cref="MaxHeaderBytes"/> in all (HTTP clients refuse
    /// larger headers, e.g. .NET's 64 KB): what does not fit is said in a last line.
    /// </summary>
    private static string[] Capped(List<string> lines, string what)
    {
        var kept = new List<string>();
        var size = 0;
        foreach (var line in lines)
        {
            var encoded = Uri.EscapeDataString(line);
            if (size + encoded.Length > MaxHeaderBytes)
            {
                kept.Add(Uri.EscapeDataString($"... {lines.Count - kept.Count} more {what}"));
                break;
            }

            kept.Add(encoded);
            size += encoded.Length;
        }

        return [.. kept];
    }

    /// <summary>The most bytes of lines one header carries.</summary>
    private const int MaxHeaderBytes = 16 * 1024;
}
