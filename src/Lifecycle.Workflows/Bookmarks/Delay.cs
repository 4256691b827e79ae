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

    /// <summary>Reads an ISO 8601 duration or a number of seconds.</summary>
    public static TimeSpan? Parse(JsonNode? value, out string? error)
    {
        error = null;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var seconds = v.GetValue<double>();
            if (seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }
        else if (value is JsonValue s && s.GetValueKind() == JsonValueKind.String)
        {
            var text = s.GetValue<string>();
            try
            {
                var span = XmlConvert.ToTimeSpan(text);
                if (span >= TimeSpan.Zero)
                {
                    return span;
                }
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) &&
                    seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        error = $"Duration {value?.ToJsonString() ?? "null"} is not an ISO 8601 duration like \"PT5M\" or a non-negative number of seconds.";
        return null;
    }
}
