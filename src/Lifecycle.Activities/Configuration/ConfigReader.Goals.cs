using System.Globalization;
using System.Text.Json;

namespace Lifecycle.Activities.Configuration;

/// <summary>The <c>goals</c> section: each goal a <c>{"min": …, "max": …}</c> range within its figure's scale.</summary>
internal sealed partial class ConfigReader
{
    private static readonly string[] GoalsKeys = ["commitsPerHour", "activeShare", "score"];
    private static readonly string[] GoalKeys = ["min", "max"];

    private GoalsConfig ReadGoals(JsonElement section, string path)
    {
        var defaults = new GoalsConfig();
        if (!ExpectObject(section, path, "the report goals ({\"commitsPerHour\": {\"min\": 1, \"max\": 3}})"))
        {
            return defaults;
        }

        CheckKeys(section, path, GoalsKeys);
        return new GoalsConfig
        {
            CommitsPerHour = ReadGoal(section, path, "commitsPerHour", defaults.CommitsPerHour, double.MaxValue, "commits per hour"),
            ActiveShare = ReadGoal(section, path, "activeShare", defaults.ActiveShare, 1, "a share from 0 to 1 (0.8 is 80%)"),
            Score = ReadGoal(section, path, "score", defaults.Score, 1, "a score from 0 to 1"),
        };
    }

    private GoalRange ReadGoal(JsonElement parent, string parentPath, string name, GoalRange fallback, double ceiling, string scale)
    {
        if (!parent.TryGetProperty(name, out var section))
        {
            return fallback;
        }

        var path = $"{parentPath}.{name}";
        if (!ExpectObject(section, path, $"the {name} goal ({{\"min\": {Number(fallback.Min ?? 0)}}}, or {{}} to turn it off)"))
        {
            return fallback;
        }

        CheckKeys(section, path, GoalKeys);
        var errors = _errors.Count;
        var min = ReadBound(section, path, "min", ceiling, scale);
        var max = ReadBound(section, path, "max", ceiling, scale);
        if (min is { } low && max is { } high && low > high)
        {
            Add(path, $"min {Number(low)} is above max {Number(high)}; give a range whose min is at most its max.");
        }

        return _errors.Count > errors ? fallback : new GoalRange { Min = min, Max = max };
    }

    private double? ReadBound(JsonElement goal, string path, string name, double ceiling, string scale)
    {
        if (!goal.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var at = Child(path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Add(at, $"Expected a number ({scale}) or null; found {Describe(value)}.");
            return null;
        }

        if (number < 0 || number > ceiling)
        {
            var range = ceiling == double.MaxValue ? "0 or more" : $"from 0 to {Number(ceiling)}";
            Add(at, $"{value.GetRawText()} is out of range; {name} is {scale} and must be {range}.");
            return null;
        }

        return number;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
