using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Configuration;

/// <summary>Holds docs/CONFIGURATION.md to the settings: its reference table is generated from the schema, its examples are valid.</summary>
public partial class ConfigDocsTests
{
    private const string DocsFile = "docs/CONFIGURATION.md";
    private const string Begin = "<!-- settings:begin (generated from the config types; LIFECYCLE_UPDATE_SCHEMA=1 rewrites it) -->";
    private const string End = "<!-- settings:end -->";

    [Fact]
    public void ReferenceTable_MatchesTheSettings()
    {
        var docs = RepositoryFiles.Read(DocsFile) ?? throw new InvalidOperationException($"{DocsFile} is missing.");
        var start = docs.IndexOf(Begin, StringComparison.Ordinal);
        var end = docs.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"{DocsFile} needs the lines {Begin} and {End} around the settings table.");
        var table = ReferenceTable();
        var current = docs[(start + Begin.Length)..end];

        if (RepositoryFiles.Updating)
        {
            File.WriteAllText(RepositoryFiles.PathOf(DocsFile), docs[..(start + Begin.Length)] + table + docs[end..]);
            return;
        }

        Assert.True(current == table,
            $"The settings table in {DocsFile} is stale; run {RepositoryFiles.UpdateVariable}=1 dotnet test tests/Lifecycle.Activities.Tests --filter FullyQualifiedName~ConfigDocs and commit the file.");
    }

    [Fact]
    public void EveryJsonExample_IsAValidConfig()
    {
        var docs = RepositoryFiles.Read(DocsFile)!;
        var schema = JsonSchema.FromText(ConfigSchemaGenerator.GenerateText());

        var examples = JsonBlock().Matches(docs).Select(m => m.Groups["json"].Value).ToList();

        Assert.NotEmpty(examples);
        foreach (var example in examples)
        {
            var (_, errors) = LifecycleConfigLoader.TryParse(example);
            Assert.True(errors.Count == 0, $"{example}\n-> {string.Join("\n", errors)}");
            using var parsed = JsonDocument.Parse(example, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            Assert.True(schema.Evaluate(parsed.RootElement).IsValid, $"not valid against the schema:\n{example}");
        }
    }

    private static string ReferenceTable()
    {
        var schema = JsonNode.Parse(ConfigSchemaGenerator.GenerateText())!.AsObject();
        var text = new StringBuilder("\n\n| Key | Type | Default | Allowed | What it does |\n|---|---|---|---|---|\n");
        foreach (var (path, property, _) in ConfigSchemaFileTests.Settings(schema, "$", v => v))
        {
            var key = path[2..].Replace("[0]", "[]", StringComparison.Ordinal);
            text.Append(CultureInfo.InvariantCulture,
                $"| `{key}` | {TypeOf(property)} | {DefaultOf(property, key, schema)} | {Allowed(property)} | {property["description"]!.GetValue<string>()} |\n");
        }

        return text.Append('\n').ToString();
    }

    private static string TypeOf(JsonObject property) => property["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => t!.GetValue<string>())),
        { } type => type.GetValue<string>() is "array" ? "array of objects" : type.GetValue<string>(),
        _ => "",
    };

    private static string DefaultOf(JsonObject property, string key, JsonObject schema)
    {
        if (property["default"] is { } value)
        {
            return $"`{value.ToJsonString()}`";
        }

        if (property["default"] is null && property.ContainsKey("default"))
        {
            return "`null`";
        }

        var name = key.Split('.')[^1];
        var required = key.Contains("[]", StringComparison.Ordinal) && RequiredOf(schema, key).Contains(name);
        return required ? "required" : "";
    }

    private static List<string> RequiredOf(JsonObject schema, string key)
    {
        JsonNode node = schema;
        foreach (var part in key.Split('.')[..^1])
        {
            node = part.EndsWith("[]", StringComparison.Ordinal) ? node["properties"]![part[..^2]]!["items"]! : node["properties"]![part]!;
        }

        return node["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
    }

    private static string Allowed(JsonObject property)
    {
        var parts = new List<string>();
        if (property["minimum"] is { } minimum)
        {
            parts.Add(property["maximum"] is { } maximum ? $"{minimum} to {maximum}" : $"{minimum} or more");
        }

        switch (property["pattern"]?.GetValue<string>())
        {
            case ConfigLimits.RelativePathPattern:
                parts.Add("a path inside the repository: relative, without `..`");
                break;
            case ConfigLimits.NotBlankPattern:
                parts.Add("not blank");
                break;
            case { } pattern:
                parts.Add($"matches `{pattern}`");
                break;
        }

        return string.Join("; ", parts);
    }

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
