using Lifecycle.Activities;
using Lifecycle.Server.Sessions;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Reports;

/// <summary>
/// The report use cases: the models (for the dashboard's pages) and their text as Markdown, JSON
/// or HTML (for the CLI and the HTTP API). Bad input is a <see cref="SessionException"/> of kind
/// <see cref="ErrorKind.InvalidInput"/> whose message names the fix.
/// </summary>
public sealed class ReportService(ReportBuilder builder, TimeProvider time)
{
    /// <summary>The formats of one session's report.</summary>
    public static readonly IReadOnlyList<string> SessionFormats = ["md", "json", "html"];

    /// <summary>The formats of the report across sessions.</summary>
    public static readonly IReadOnlyList<string> AcrossFormats = ["html", "json"];

    /// <summary>One closed session's report model; the last closed one when <paramref name="sessionId"/> is null.</summary>
    public Task<SessionReportModel> ForSessionAsync(string? sessionId, CancellationToken cancellationToken) =>
        builder.ForSessionAsync(sessionId, cancellationToken);

    /// <summary>The model of the report across the closed sessions started from <paramref name="since"/> to <paramref name="until"/> (local dates, included).</summary>
    public Task<AcrossSessionsReport> AcrossAsync(DateOnly? since, DateOnly? until, CancellationToken cancellationToken) =>
        builder.AcrossAsync(since, until, cancellationToken);

    /// <summary>One session's report as md, json or html.</summary>
    public string Render(SessionReportModel report, string format) => Check(format, SessionFormats, "") switch
    {
        "md" => ReportRedaction.Document(format, ReportMarkdown.Render(report)),
        "json" => ReportRedaction.Document(format, ReportJson.Render(report)),
        _ => ReportHtml.Render(ReportRedaction.Of(report), time.LocalTimeZone),
    };

    /// <summary>The report across sessions as html or json.</summary>
    public string Render(AcrossSessionsReport report, string format)
    {
        using var span = CommandTrace.Begin($"report: {format}");
        return Check(format, AcrossFormats, " across sessions") switch
        {
            "json" => ReportRedaction.Document(format, ReportJson.Render(report)),
            _ => ReportHtml.Render(ReportRedaction.Of(report), time.LocalTimeZone),
        };
    }

    /// <summary>One session's report as a document (what <c>lifecycle report ID</c> prints).</summary>
    public async Task<ReportDocument> SessionDocumentAsync(string? sessionId, string format, CancellationToken cancellationToken)
    {
        Check(format, SessionFormats, "");
        var report = await ForSessionAsync(sessionId, cancellationToken);
        return new ReportDocument(report.SessionId, format, Render(report, format), report.Source);
    }

    /// <summary>The report across sessions as a document (what <c>lifecycle report --all</c> prints); its session id is empty.</summary>
    public async Task<ReportDocument> AcrossDocumentAsync(DateOnly? since, DateOnly? until, string format, CancellationToken cancellationToken)
    {
        Check(format, AcrossFormats, " across sessions");
        var report = await AcrossAsync(since, until, cancellationToken);
        return new ReportDocument("", format, Render(report, format), "database");
    }

    /// <summary>A date parameter (<c>yyyy-MM-dd</c>); null when absent; a clear error naming <paramref name="name"/> otherwise.</summary>
    public static DateOnly? ParseDate(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw new SessionException($"{name} must be a date like 2026-12-01; got '{text}'.", ErrorKind.InvalidInput);
    }

    private static string Check(string format, IReadOnlyList<string> allowed, string context) =>
        allowed.Contains(format)
            ? format
            : throw new SessionException(
                $"The format (--format, or ?format= over HTTP) must be {string.Join(", ", allowed.Take(allowed.Count - 1))} or {allowed[^1]}{context}; got '{format}'." +
                (context.Length > 0 && format == "md" ? " Markdown is for one session's report: ask for one session, or for html." : ""),
                ErrorKind.InvalidInput);
}
