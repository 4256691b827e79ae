using Lifecycle.Activities.Redaction;

namespace Lifecycle.Server.Reports;

/// <summary>
/// Reports show what the store keeps as typed (task titles in the plan and the suggestions, the
/// timeline's labels) beside the committed handoff, which is redacted already; reports are what
/// people share, so that text passes through the redaction the session docs do. The HTML is
/// redacted here, in its model, before it is escaped (a <c>&lt;private&gt;</c> marker would no
/// longer be seen, and attributes such as <c>data-key</c> are no secrets); Markdown and JSON are
/// also redacted whole.
/// </summary>
public static class ReportRedaction
{
    /// <summary>One session's report with the plan's and the suggestions' text redacted.</summary>
    public static SessionReportModel Of(SessionReportModel report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.Plan is { } review
            ? review with { Items = [.. review.Items.Select(i => i with { Title = Text(i.Title) })], DoneUnplanned = [.. review.DoneUnplanned.Select(Text)] }
            : null;
        return report with { Plan = plan, Suggestions = Of(report.Suggestions) };
    }

    /// <summary>The report across sessions with the suggestions' text redacted.</summary>
    public static AcrossSessionsReport Of(AcrossSessionsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with { Suggestions = Of(report.Suggestions) };
    }

    /// <summary>A whole Markdown or JSON report.</summary>
    public static string Document(string format, string text) =>
        format == "json" ? SecretRedactor.RedactJson(text).Text : SecretRedactor.Redact(text).Text;

    private static Suggestions.SuggestionReport? Of(Suggestions.SuggestionReport? suggestions) =>
        suggestions is null
            ? null
            : suggestions with
            {
                Suggestions = [.. suggestions.Suggestions.Select(s => s with { Advice = Text(s.Advice), Evidence = Text(s.Evidence) })],
                Withheld = [.. suggestions.Withheld.Select(Text)],
            };

    private static string Text(string text) => SecretRedactor.Redact(text).Text;
}
