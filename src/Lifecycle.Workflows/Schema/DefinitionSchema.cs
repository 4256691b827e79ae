using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Workflows.Schema;

/// <summary>
/// The parts of the schema that do not depend on the activity registry: the top-level definition
/// object, triggers and declared inputs, mirroring what <see cref="DefinitionReader"/> accepts.
/// </summary>
internal static class DefinitionSchema
{
    private static readonly Dictionary<string, string> TriggerDescriptions = new(StringComparer.Ordinal)
    {
        ["Cron"] = "Starts an instance on a schedule.",
        ["Event"] = "Starts an instance when the named event arrives.",
        ["Http"] = "Starts an instance when the HTTP API receives a call on the given method and path.",
    };

    private static readonly Dictionary<string, string> TriggerFieldDescriptions = new(StringComparer.Ordinal)
    {
        ["cron"] = "A Quartz cron expression of 6 or 7 fields: seconds minutes hours day-of-month month day-of-week [year], e.g. \"0 0/5 * * * ?\".",
        ["event"] = "The event name, e.g. git_commit.",
        ["method"] = "The HTTP method, e.g. POST.",
        ["path"] = "The route path, e.g. /hooks/deploy.",
    };

    public static JsonObject Root(string dialect, JsonObject activity)
    {
        var persistence = Enum.GetNames<PersistenceMode>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        var defaultPersistence = JsonNamingPolicy.CamelCase.ConvertName(nameof(PersistenceMode.Suspensions));
        return new JsonObject
        {
            ["$schema"] = dialect,
            ["title"] = "Lifecycle workflow definition",
            ["description"] = "A workflow: its inputs, variables and triggers, and the root activity it runs.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["$schema"] = Described(new() { ["type"] = "string" }, "The path or URL of this schema, for editors; the engine ignores it."),
                ["id"] = Described(new() { ["type"] = "string", ["pattern"] = DefinitionReader.IdRegex, ["maxLength"] = DefinitionReader.MaxIdLength },
                    "The workflow id: letters, digits, '.', '_' and '-', starting with a letter or digit."),
                ["name"] = Described(new() { ["type"] = "string" }, "A display name; the id when not set."),
                ["description"] = Described(new() { ["type"] = "string" }, "What the workflow does."),
                ["inputs"] = Described(new() { ["type"] = "object", ["additionalProperties"] = WorkflowSchemaGenerator.Ref("workflowInput") },
                    "The inputs a caller may give, by name; expressions read them as input.<name>."),
                ["variables"] = Described(new() { ["type"] = "object" },
                    "Variables and their initial values, by name; expressions read them as vars.<name>."),
                ["triggers"] = Described(new() { ["type"] = "array", ["items"] = WorkflowSchemaGenerator.Ref("trigger") },
                    "What starts a new instance besides an explicit run."),
                ["root"] = Described(activity, "The activity the workflow runs, e.g. a Sequence."),
                ["persistence"] = Described(new() { ["enum"] = WorkflowSchemaGenerator.Strings(persistence), ["default"] = defaultPersistence },
                    "When a running instance is saved: at suspensions (the default), or also after every activity."),
            },
            ["required"] = WorkflowSchemaGenerator.Strings(["id", "root"]),
            ["additionalProperties"] = false,
        };
    }

    public static JsonObject Trigger()
    {
        var variants = TriggerDefinition.Types.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (JsonNode?)TriggerVariant(t.Key, t.Value));
        return new JsonObject
        {
            ["description"] = "Starts a new instance of the workflow.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["enum"] = WorkflowSchemaGenerator.Strings(TriggerDefinition.Types.Keys.Order(StringComparer.Ordinal)) },
            },
            ["required"] = WorkflowSchemaGenerator.Strings(["type"]),
            ["oneOf"] = new JsonArray(variants.ToArray()),
        };
    }

    public static JsonObject WorkflowInput()
    {
        // Ties the default's JSON type to the declared type, as the reader checks on load.
        var defaults = WorkflowInputDefinition.Types.Where(t => t != "any").Select(t => (JsonNode?)new JsonObject
        {
            ["if"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = t } },
                ["required"] = WorkflowSchemaGenerator.Strings(["type"]),
            },
            ["then"] = new JsonObject
            {
                ["properties"] = new JsonObject { ["default"] = new JsonObject { ["type"] = t } },
            },
        });

        return new JsonObject
        {
            ["description"] = "A declared input: its JSON type, default and whether a caller must give it.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["type"] = Described(new() { ["enum"] = WorkflowSchemaGenerator.Strings(WorkflowInputDefinition.Types), ["default"] = "any" },
                    "The JSON type of the value."),
                ["default"] = Described([], "The value when the caller gives none; of the declared type."),
                ["required"] = Described(new() { ["type"] = "boolean", ["default"] = false }, "True when a caller must give this input."),
                ["description"] = Described(new() { ["type"] = "string" }, "What the input is for."),
            },
            ["additionalProperties"] = false,
            ["allOf"] = new JsonArray(defaults.ToArray()),
        };
    }

    private static JsonObject TriggerVariant(string type, string[] fields)
    {
        var properties = new JsonObject { ["type"] = new JsonObject { ["const"] = type } };
        foreach (var field in fields.Order(StringComparer.Ordinal))
        {
            var schema = new JsonObject { ["type"] = "string", ["minLength"] = 1 };
            if (field == "cron")
            {
                schema["pattern"] = "^ *[^ ]+( +[^ ]+){5,6} *$";
            }
            else if (field == "event")
            {
                schema["pattern"] = "^\\S+$";
            }

            properties[field] = TriggerFieldDescriptions.TryGetValue(field, out var description) ? Described(schema, description) : schema;
        }

        var variant = new JsonObject { ["title"] = type };
        if (TriggerDescriptions.TryGetValue(type, out var about))
        {
            variant["description"] = about;
        }

        variant["type"] = "object";
        variant["properties"] = properties;
        variant["required"] = WorkflowSchemaGenerator.Strings(fields.Order(StringComparer.Ordinal).Prepend("type"));
        variant["additionalProperties"] = false;
        return variant;
    }

    // Puts the description first, where a reader of the schema file looks for it.
    private static JsonObject Described(JsonObject schema, string description)
    {
        var described = new JsonObject { ["description"] = description };
        foreach (var (name, value) in schema.ToList())
        {
            schema.Remove(name);
            described[name] = value;
        }

        return described;
    }
}
