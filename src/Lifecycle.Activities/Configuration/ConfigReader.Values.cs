using System.Text.Json;
using System.Text.RegularExpressions;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Activities.Configuration;

/// <summary>Primitive values: each read returns the default when the key is absent or wrong, and records why.</summary>
internal sealed partial class ConfigReader
{
    // Printable: a key or value with a line break must not split its problem over two lines.
    private void Add(string path, string message) => _errors.Add(JsonStrings.Printable($"{path}: {message}"));

    private bool ExpectObject(JsonElement element, string path, string what)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add(path, $"Expected an object for {what}; found {Describe(element)}.");
        return false;
    }

    private void CheckKeys(JsonElement obj, string path, string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            var propertyPath = Child(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(propertyPath, $"Key '{property.Name}' appears more than once; keep one.");
            }
            else if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                var close = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                var hint = close is null ? "" : $" Did you mean '{close}'?";
                Add(propertyPath, $"Unknown key '{property.Name}'.{hint} Known keys here: {string.Join(", ", known)}.");
            }
        }
    }

    private long ReadInteger(JsonElement obj, string path, string name, long fallback, long min, long max, string unit, string hint = "")
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        var at = Child(path, name);
        if (value.ValueKind != JsonValueKind.Number)
        {
            Add(at, $"Expected a whole number of {unit}{hint}; found {Describe(value)}. Write e.g. \"{name}\": {fallback}.");
            return fallback;
        }

        if (!value.TryGetInt64(out var number))
        {
            Add(at, $"Expected a whole number of {unit}{hint}; found {value.GetRawText()}. Round it, e.g. \"{name}\": {fallback}.");
            return fallback;
        }

        if (number < min)
        {
            var floor = min == 0 ? "0 or more" : $"at least {min}";
            Add(at, $"{number} is {(number < 0 ? "negative" : "too small")}; {name} is in {unit} and must be {floor}{hint}.");
            return fallback;
        }

        if (number > max)
        {
            Add(at, $"{number} is too large; {name} is in {unit} and may be at most {max}.");
            return fallback;
        }

        return number;
    }

    private int ReadInt(JsonElement obj, string path, string name, int fallback, int min, int max, string unit, string hint = "") =>
        (int)ReadInteger(obj, path, name, fallback, min, max, unit, hint);

    private double ReadWeight(JsonElement obj, string path, string name)
    {
        const double fallback = 1;
        if (!obj.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        var at = Child(path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var weight) || !double.IsFinite(weight))
        {
            Add(at, $"Expected a number of 0 or more (the share in the consensus); found {Describe(value)}. Write e.g. \"{name}\": 1.");
            return fallback;
        }

        if (weight < 0)
        {
            Add(at, $"{value.GetRawText()} is negative; a weight must be 0 or more (0 reports the agent without counting it).");
            return fallback;
        }

        return weight;
    }

    private bool ReadBool(JsonElement obj, string path, string name, bool fallback)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            return fallback;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(Child(path, name), $"Expected true or false; found {Describe(value)}. Write \"{name}\": {(fallback ? "true" : "false")} without quotes.");
        return fallback;
    }

    private string? ReadRequiredString(JsonElement obj, string path, string name, string example)
    {
        if (!obj.TryGetProperty(name, out var value))
        {
            Add(Child(path, name), $"Missing '{name}'; add {example}.");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Add(Child(path, name), $"Expected a string, {example}; found {Describe(value)}.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(Child(path, name), $"'{name}' is empty; write {example}.");
            return null;
        }

        return text;
    }

    /// <summary>A path inside the repository: relative, without '..', so nothing is written outside it.</summary>
    private string? ReadRelativePath(JsonElement obj, string path, string name, string example, bool nullable = false)
    {
        if (!obj.TryGetProperty(name, out var value) || (nullable && value.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        var at = Child(path, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(at, $"Expected a path relative to the repository root, such as \"{example}\"; found {Describe(value)}.");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(at, $"'{name}' is empty; write a path relative to the repository root, such as \"{example}\"{(nullable ? ", or remove the key" : "")}.");
            return null;
        }

        if (Path.IsPathRooted(text) || text.Replace('\\', '/').Split('/').Contains(".."))
        {
            Add(at, $"'{text}' leaves the repository; write a path relative to the repository root without '..'.");
            return null;
        }

        return text;
    }

    private static string Child(string path, string name) =>
        PlainKey().IsMatch(name) ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Shorten(value.GetString()!)}'",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainKey();
}
