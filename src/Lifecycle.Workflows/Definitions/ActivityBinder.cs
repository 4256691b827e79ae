using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Expressions;

namespace Lifecycle.Workflows.Definitions;

/// <summary>Turns the activity objects of a definition into <see cref="Activity"/> instances, collecting problems.</summary>
internal sealed class ActivityBinder(ActivityRegistry registry, IServiceProvider services, List<DefinitionError> errors)
{
    private static readonly HashSet<string> NodeFields = ["id", "type", "description"];

    // A literal must have the JSON type the schema promises: "10" is a string, not an integer.
    private static readonly JsonSerializerOptions LiteralOptions = new(WorkflowJson.Options) { NumberHandling = JsonNumberHandling.Strict };
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public Dictionary<string, Activity> ByPath { get; } = new(StringComparer.Ordinal);

    public Activity? BindActivity(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, $"An activity is an object with a 'type', e.g. {{\"type\": \"Log\", \"message\": \"hi\"}}; found {DefinitionReader.Describe(element)}."));
            return null;
        }

        var typeName = DefinitionReader.ReadString(element, "type", path, errors, required: true);

        // Ids are claimed before the type is checked, so a duplicate is reported in the same pass as a bad type.
        var id = DefinitionReader.ReadString(element, "id", path, errors, required: false);
        if (id is not null)
        {
            if (_ids.TryGetValue(id, out var other))
            {
                errors.Add(new($"{path}.id", $"Duplicate activity id '{id}': {other} already uses it. Give each activity its own id."));
            }
            else
            {
                _ids[id] = path;
            }
        }

        if (typeName is null)
        {
            return null;
        }

        if (!registry.TryGet(typeName, out var descriptor))
        {
            errors.Add(new($"{path}.type", $"Unknown activity type '{typeName}'. Known types: {string.Join(", ", registry.TypeNames)}."));
            return null;
        }

        var activity = descriptor.Create(services);
        activity.Type = descriptor.Type;
        activity.Path = path;
        activity.Id = id;
        ByPath[path] = activity;
        BindInputs(activity, descriptor.Type, descriptor.Inputs, element, path);
        foreach (var (errorPath, message) in activity.Validate())
        {
            errors.Add(new(errorPath, message));
        }

        return activity;
    }

    private void BindInputs(object target, string ownerName, IReadOnlyList<InputDescriptor> inputs, JsonElement element, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (target is Activity && NodeFields.Contains(property.Name))
            {
                continue;
            }

            if (!inputs.Any(i => i.Name == property.Name))
            {
                var known = inputs.Count == 0 ? "it takes no inputs" : $"its inputs: {string.Join(", ", inputs.Select(i => i.Name))}";
                errors.Add(new($"{path}.{property.Name}", $"Unknown input '{property.Name}' on {ownerName}; {known}."));
            }
        }

        foreach (var input in inputs)
        {
            var inputPath = $"{path}.{input.Name}";
            if (!element.TryGetProperty(input.Name, out var value) || value.ValueKind == JsonValueKind.Null && input.Kind != InputKind.Value)
            {
                if (input.Required)
                {
                    errors.Add(new(path, $"Missing required input '{input.Name}' of {ownerName} ({input.Description})."));
                }

                continue;
            }

            var bound = input.Kind switch
            {
                InputKind.Value => BindValue(input, value, inputPath),
                InputKind.Activity => BindActivity(value, inputPath),
                InputKind.ActivityList => BindActivityList(value, inputPath),
                _ => BindObjectList(input, value, inputPath),
            };

            if (bound is not null)
            {
                input.Property.SetValue(target, bound);
            }
        }
    }

    private IReadOnlyList<Activity>? BindActivityList(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"Expected an array of activities; found {DefinitionReader.Describe(value)}."));
            return null;
        }

        var list = new List<Activity>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (BindActivity(item, $"{path}[{index++}]") is { } child)
            {
                list.Add(child);
            }
        }

        return list;
    }

    private object? BindObjectList(InputDescriptor input, JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"Expected an array of objects with {string.Join(", ", input.ItemInputs.Select(i => $"'{i.Name}'"))}; found {DefinitionReader.Describe(value)}."));
            return null;
        }

        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(input.ItemType!))!;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(itemPath, $"Expected an object with {string.Join(", ", input.ItemInputs.Select(i => $"'{i.Name}'"))}; found {DefinitionReader.Describe(item)}."));
                continue;
            }

            var target = Activator.CreateInstance(input.ItemType!)!;
            BindInputs(target, $"{input.Name} item", input.ItemInputs, item, itemPath);
            list.Add(target);
        }

        return list;
    }

    private object? BindValue(InputDescriptor input, JsonElement value, string path)
    {
        var valueType = input.ValueType!;
        var inputType = typeof(Input<>).MakeGenericType(valueType);
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("js", out var js))
        {
            if (js.ValueKind != JsonValueKind.String || value.EnumerateObject().Count() != 1)
            {
                errors.Add(new(path, "An expression is written {\"js\": \"...\"} with nothing else beside it."));
                return null;
            }

            if (string.IsNullOrWhiteSpace(js.GetString()))
            {
                errors.Add(new($"{path}.js", "The expression is empty; write JavaScript that gives the value, e.g. {\"js\": \"vars.count + 1\"}."));
                return null;
            }

            var expression = Expression.TryParse(js.GetString()!, out var syntaxError);
            if (expression is null)
            {
                var source = js.GetString()!;
                var quoted = source.Length <= 60 ? source : source[..57] + "...";
                errors.Add(new($"{path}.js", $"JavaScript syntax error in '{JsonStrings.Printable(quoted)}': {syntaxError}."));
                return null;
            }

            return Activator.CreateInstance(inputType, BindingFlags.NonPublic | BindingFlags.Instance, null, [path, expression], null);
        }

        object? literal;
        try
        {
            literal = value.Deserialize(valueType, LiteralOptions);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            errors.Add(new(path, $"Input '{input.Name}' expects {JsonTypeName(valueType)}, or an expression {{\"js\": \"...\"}}; found {DefinitionReader.Describe(value)}."));
            return null;
        }

        if (literal is null && !input.AcceptsNull)
        {
            errors.Add(new(path, $"Input '{input.Name}' expects {JsonTypeName(valueType)}; found null."));
            return null;
        }

        return Activator.CreateInstance(inputType, BindingFlags.NonPublic | BindingFlags.Instance, null,
            [path, JsonNode.Parse(value.GetRawText()), literal], null);
    }

    internal static string JsonTypeName(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(bool))
        {
            return "a boolean";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "an integer";
        }

        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float))
        {
            return "a number";
        }

        if (type == typeof(JsonNode) || type == typeof(object))
        {
            return "any JSON value";
        }

        if (type == typeof(JsonObject))
        {
            return "an object";
        }

        return type.IsArray || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? "an array" : $"a {type.Name}";
    }
}
