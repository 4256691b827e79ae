using System.Globalization;
using Lifecycle.Activities.Prediction;

namespace Lifecycle.Server.Reports;

/// <summary>A session report's plan section: the plan the session had against what it did, in Markdown and HTML.</summary>
public static class ReportPlan
{
    /// <summary>The headers of the plan table (<c>#plan</c>), in the order of <see cref="Row"/>.</summary>
    public static readonly IReadOnlyList<string> Headers = ["Task", "Title", "Planned", "Done", "Predicted (min)", "Interval (min)", "Took (min)"];

    /// <summary>One task of the plan as the tables print it.</summary>
    public static IReadOnlyList<string> Row(PlanReviewItem item) =>
    [
        item.Id, item.Title, item.Planned ? "yes" : "later", item.Done ? "yes" : "no",
        Number(item.Predicted.Point), $"{Number(item.Predicted.Low)}-{Number(item.Predicted.High)}", item.ActualMinutes is { } took ? Number(took) : "-",
    ];

    /// <summary>The section in Markdown; empty when the session had no plan.</summary>
    public static string Markdown(PlanReview? review)
    {
        if (review is null)
        {
            return "";
        }

        var lines = new List<string> { "", "## Plan", "", review.Summary(), "", "| " + string.Join(" | ", Headers) + " |", "|" + string.Concat(Headers.Select(_ => "---|")) };
        lines.AddRange(review.Items.Select(i => "| " + string.Join(" | ", Row(i).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |"));
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>Adds the section to <paramref name="page"/>: the summary and the table, or a line saying no plan was made.</summary>
    internal static void Html(HtmlPage page, PlanReview? review)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Heading("Plan", "plan");
        if (review is null)
        {
            page.Paragraph("No plan was made for this session ('lifecycle plan').");
            return;
        }

        page.Paragraph(review.Summary())
            .Table("plan", "The plan's tasks: planned or later, done or not, predicted against taken", Headers, review.Items.Select(Row), r => r[0]);
    }

    private static string Number(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}
