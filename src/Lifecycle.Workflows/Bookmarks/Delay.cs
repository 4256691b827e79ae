using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Lifecycle.Workflows.Activities;

namespace Lifecycle.Workflows.Bookmarks;

/// <summary>Suspends for a duration, through a timer bookmark.</summary>
[Activity("Bookmarks", "Suspends for 'duration' (ISO 8601 like \"PT5M\", or a number of seconds).")]
public sealed class Delay : Activity
{
    [Input("How long: ISO 8601 (\"PT5M\", \"P1DT2H\") or seconds (90).", Required = true)]
    public Input<JsonNode?> Duration { get; init; } = null!;

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var duration = Parse(context.Get(Duration), out var error) ?? throw new ActivityFaultException(error!);
        context.CreateTimer(context.Time.GetUtcNow() + duration);
        return ValueTask.CompletedTask;
    }

    protected internal override IEnumerable<(string Path, string Message)> Validate()
    {
        if (Duration is { Expression: null } literal && Parse(literal.Value, out var error) is null)
        {
            yield return (literal.Path, error!);
        }
    }

    /// <summary>The longest delay allowed: beyond it a due time is not a date anyone means.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(36_500);

    /// <summary>Reads an ISO 8601 duration or a number of seconds, from zero to <see cref="MaxDuration"/>.</summary>
    public static TimeSpan? Parse(JsonNode? value, out string? error)
    {
        var seconds = value switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
            JsonValue s when s.GetValueKind() == JsonValueKind.String => SecondsOf(s.GetValue<string>()),
            _ => null,
        };

        if (seconds is not { } total || double.IsNaN(total) || total < 0)
        {
            error = $"Duration {value?.ToJsonString() ?? "null"} is not an ISO 8601 duration like \"PT5M\" or a non-negative number of seconds.";
            return null;
        }

        if (total > MaxDuration.TotalSeconds)
        {
            error = $"Duration {value!.ToJsonString()} is longer than the {MaxDuration.TotalDays / 365:0} years a delay may last.";
            return null;
        }

        error = null;
        return TimeSpan.FromSeconds(total);
    }

    private static double? SecondsOf(string text)
    {
        try
        {
            return XmlConvert.ToTimeSpan(text).TotalSeconds;
        }
        catch (OverflowException)
        {
            return double.PositiveInfinity;
        }
        catch (FormatException)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
        }
    }
}
