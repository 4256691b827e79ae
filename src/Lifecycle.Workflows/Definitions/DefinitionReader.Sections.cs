using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lifecycle.Workflows.Definitions;

/// <summary>The parts of a definition around its activities: inputs, variables, triggers, persistence.</summary>
public sealed partial class DefinitionReader
{
    private static Dictionary<string, WorkflowInputDefinition> ReadInputs(JsonElement root, List<DefinitionError> errors)
    {
        var inputs = new Dictionary<string, WorkflowInputDefinition>(StringComparer.Ordinal);
        if (!root.TryGetProperty("inputs", out var element))
        {
            return inputs;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.inputs", $"'inputs' maps input names to {{\"type\", \"default\"}}; found {Describe(element)}."));
            return inputs;
        }

        foreach (var input in element.EnumerateObject())
        {
            var path = $"$.inputs.{input.Name}";
            if (input.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, $"Input '{input.Name}' is declared as {{\"type\": \"string\", \"default\": ...}}; found {Describe(input.Value)}."));
                continue;
            }

            var type = ReadString(input.Value, "type", path, errors, required: false) ?? "any";
            if (!WorkflowInputDefinition.Types.Contains(type))
            {
                errors.Add(new($"{path}.type", $"Unknown input type '{type}'. Use one of: {string.Join(", ", WorkflowInputDefinition.Types)}."));
                continue;
            }

            var hasDefault = input.Value.TryGetProperty("default", out var defaultElement);
            var required = input.Value.TryGetProperty("required", out var requiredElement) && requiredElement.ValueKind == JsonValueKind.True;
            var definition = new WorkflowInputDefinition(type, hasDefault ? JsonNode.Parse(defaultElement.GetRawText()) : null,
                required, ReadString(input.Value, "description", path, errors, required: false));
            if (hasDefault && !definition.Accepts(definition.Default))
            {
                errors.Add(new($"{path}.default", $"The default {defaultElement.GetRawText()} is not of the declared type '{type}'."));
            }

            inputs[input.Name] = definition;
        }

        return inputs;
    }

    private static JsonObject ReadVariables(JsonElement root, List<DefinitionError> errors)
    {
        if (!root.TryGetProperty("variables", out var element))
        {
            return [];
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$.variables", $"'variables' maps variable names to initial values; found {Describe(element)}."));
            return [];
        }

        return JsonNode.Parse(element.GetRawText())!.AsObject();
    }

    private static List<TriggerDefinition> ReadTriggers(JsonElement root, List<DefinitionError> errors)
    {
        var triggers = new List<TriggerDefinition>();
        if (!root.TryGetProperty("triggers", out var element))
        {
            return triggers;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new("$.triggers", $"'triggers' is an array of {{\"type\": \"Event\", \"event\": ...}}; found {Describe(element)}."));
            return triggers;
        }

        var index = 0;
        foreach (var trigger in element.EnumerateArray())
        {
            var path = $"$.triggers[{index++}]";
            if (trigger.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(path, $"A trigger is an object with a 'type'; found {Describe(trigger)}."));
                continue;
            }

            var type = ReadString(trigger, "type", path, errors, required: true);
            if (type is null)
            {
                continue;
            }

            if (!TriggerDefinition.Types.TryGetValue(type, out var fields))
            {
                errors.Add(new($"{path}.type", $"Unknown trigger type '{type}'. Known trigger types: {string.Join(", ", TriggerDefinition.Types.Keys)}."));
                continue;
            }

            var values = fields.ToDictionary(f => f, f => ReadString(trigger, f, path, errors, required: true));
            foreach (var extra in trigger.EnumerateObject().Where(p => p.Name != "type" && !fields.Contains(p.Name)))
            {
                errors.Add(new($"{path}.{extra.Name}", $"Unknown field '{extra.Name}' on a {type} trigger. It takes: {string.Join(", ", fields)}."));
            }

            if (values.Values.Any(v => v is null))
            {
                continue;
            }

            if (type == "Event" && values["event"]!.Any(char.IsWhiteSpace))
            {
                errors.Add(new($"{path}.event", $"Event name '{values["event"]}' has white space; event names are single words like \"git_commit\"."));
            }

            if (type == "Cron" && values["cron"]!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length is < 6 or > 7)
            {
                errors.Add(new($"{path}.cron", $"Cron expression '{values["cron"]}' needs 6 or 7 fields (Quartz syntax: seconds minutes hours day-of-month month day-of-week [year]), e.g. \"0 0/5 * * * ?\"."));
            }

            triggers.Add(new TriggerDefinition(type, values.GetValueOrDefault("event"), values.GetValueOrDefault("cron"),
                values.GetValueOrDefault("method"), values.GetValueOrDefault("path")));
        }

        return triggers;
    }

    private static PersistenceMode ReadPersistence(JsonElement root, List<DefinitionError> errors)
    {
        var value = ReadString(root, "persistence", "$", errors, required: false);
        if (value is null)
        {
            return PersistenceMode.Suspensions;
        }

        if (Enum.TryParse<PersistenceMode>(value, ignoreCase: true, out var mode) && !int.TryParse(value, out _))
        {
            return mode;
        }

        errors.Add(new("$.persistence", $"Unknown persistence '{value}'. Use 'suspensions' (default) or 'everyActivity'."));
        return PersistenceMode.Suspensions;
    }
}
