using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Control;

namespace Lifecycle.Workflows.Definitions;

/// <summary>
/// Reads a workflow definition from JSON and validates it whole: every problem is collected and
/// reported together, nothing is half loaded.
/// </summary>
public sealed partial class DefinitionReader(ActivityRegistry registry, IServiceProvider services)
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    private static readonly HashSet<string> TopLevel =
        ["$schema", "id", "name", "description", "inputs", "variables", "triggers", "root", "persistence"];

    /// <summary>Reads and validates; throws <see cref="WorkflowValidationException"/> listing every problem.</summary>
    public WorkflowDefinition Read(string json, DefinitionReaderOptions? options = null)
    {
        options ??= new DefinitionReaderOptions();
        var (definition, errors) = TryRead(json, options);
        return errors.Count > 0 ? throw new WorkflowValidationException(options.SourceName, errors) : definition!;
    }

    /// <summary>Reads and validates; returns the definition, or null with every problem found.</summary>
    public (WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors) TryRead(string json, DefinitionReaderOptions? options = null)
    {
        options ??= new DefinitionReaderOptions();
        JsonDocument document;
        try
        {
            using var relaxed = JsonDocument.Parse(json, DocumentOptions);

            // Before anything reads the document: such strings throw when read, and JsonNode (which
            // variables and literals become) throws on a key given twice.
            if (FindUnreadable(relaxed.RootElement) is { } unreadable)
            {
                return (null, [new DefinitionError(unreadable.Path, unreadable.Message)]);
            }

            document = Normalize(relaxed);
        }
        catch (JsonException ex)
        {
            return (null, [new DefinitionError("$", JsonSyntaxError.Describe(ex, json))]);
        }

        using (document)
        {
            var errors = new List<DefinitionError>();
            var definition = ReadDocument(document.RootElement, json, options, errors);
            return errors.Count > 0 ? (null, errors) : (definition, []);
        }
    }

    /// <summary>
    /// The id and content hash <see cref="Read"/> would give, without reading the rest (nothing is
    /// validated, no expression compiled): enough to tell that a source is already published.
    /// </summary>
    /// <returns>Null when the JSON does not parse, has a string that is no text or a key given twice, or has no string id.</returns>
    public static (string Id, string ContentHash)? Identify(string json)
    {
        try
        {
            using var relaxed = JsonDocument.Parse(json, DocumentOptions);
            if (FindUnreadable(relaxed.RootElement) is not null)
            {
                return null;
            }

            using var document = Normalize(relaxed);
            return document.RootElement is { ValueKind: JsonValueKind.Object } root
                   && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? (id.GetString()!, HashOf(root))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Comments and trailing commas are welcome in hand-written files; re-reading the document
    /// without them lets everything else use raw element text with the strict defaults.
    /// </summary>
    private static JsonDocument Normalize(JsonDocument relaxed) =>
        JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(relaxed.RootElement, WorkflowJson.Options));

    private static (string Path, string Message)? FindUnreadable(JsonElement root) =>
        JsonStrings.FindUnreadable(root) ?? JsonStrings.FindDuplicateKey(root);

    private WorkflowDefinition? ReadDocument(JsonElement root, string json, DefinitionReaderOptions options, List<DefinitionError> errors)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("$", $"A workflow definition is a JSON object; found {Describe(root)}."));
            return null;
        }

        foreach (var property in root.EnumerateObject().Where(p => !TopLevel.Contains(p.Name)))
        {
            errors.Add(new($"$.{property.Name}", $"Unknown property '{property.Name}'. A definition may have: {string.Join(", ", TopLevel)}."));
        }

        var id = ReadString(root, "id", "$", errors, required: true);
        if (id is { Length: > MaxIdLength })
        {
            errors.Add(new("$.id", $"Workflow id '{id[..20]}…' is {id.Length} characters long; keep it to {MaxIdLength}."));
        }
        else if (id is not null && !IdPattern().IsMatch(id))
        {
            errors.Add(new("$.id", $"Workflow id '{id}' may hold only letters, digits, '.', '_' and '-', starting with a letter or digit."));
        }

        var name = ReadString(root, "name", "$", errors, required: false) ?? id ?? "";
        var description = ReadString(root, "description", "$", errors, required: false);
        var inputs = ReadInputs(root, errors);
        var variables = ReadVariables(root, errors);
        var triggers = ReadTriggers(root, errors);
        var persistence = ReadPersistence(root, errors);

        var binder = new ActivityBinder(registry, services, errors);
        Activity? activity = null;
        if (!root.TryGetProperty("root", out var rootActivity))
        {
            errors.Add(new("$", "Missing 'root': the activity the workflow runs, e.g. {\"type\": \"Sequence\", \"activities\": []}."));
        }
        else
        {
            activity = binder.BindActivity(rootActivity, "$.root");
        }

        CheckSubWorkflows(binder.ByPath.Values, id, options, errors);
        if (errors.Count > 0 || activity is null || id is null)
        {
            return null;
        }

        return new WorkflowDefinition(id, name, description, inputs, variables, triggers, persistence, activity,
            binder.ByPath, json, HashOf(root));
    }

    private static void CheckSubWorkflows(IEnumerable<Activity> activities, string? selfId, DefinitionReaderOptions options, List<DefinitionError> errors)
    {
        if (options.WorkflowExists is null)
        {
            return;
        }

        foreach (var run in activities.OfType<RunWorkflow>())
        {
            // A 'workflow' that failed to bind (a number, null) is already reported and left unset.
            if (run.Workflow?.Literal is JsonValue literal && literal.TryGetValue<string>(out var target)
                && target != selfId && !options.WorkflowExists(target))
            {
                errors.Add(new(run.Workflow.Path, $"RunWorkflow names workflow '{target}', which is not published. Publish it first or fix the id."));
            }
        }
    }

    internal static string? ReadString(JsonElement element, string name, string path, List<DefinitionError> errors, bool required)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            if (required)
            {
                errors.Add(new(path, $"Missing required '{name}'."));
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.String && (value.GetString()!.Length > 0 || !required))
        {
            return value.GetString();
        }

        errors.Add(new($"{path}.{name}", $"'{name}' must be a non-empty string; found {Describe(value)}."));
        return null;
    }

    internal static string Describe(JsonElement element)
    {
        var text = element.GetRawText();
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        return element.ValueKind switch
        {
            JsonValueKind.Object => $"an object {text}",
            JsonValueKind.Array => $"an array {text}",
            JsonValueKind.String => $"the string {text}",
            JsonValueKind.Number => $"the number {text}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {text}",
            _ => "null",
        };
    }

    private static string HashOf(JsonElement root)
    {
        var node = JsonNode.Parse(root.GetRawText())!.AsObject();
        node.Remove("$schema");
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString()));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The longest workflow id accepted.</summary>
    public const int MaxIdLength = 100;

    /// <summary>What a workflow id may look like (also written into the JSON Schema).</summary>
    internal const string IdRegex = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    [GeneratedRegex(IdRegex)]
    private static partial Regex IdPattern();
}
