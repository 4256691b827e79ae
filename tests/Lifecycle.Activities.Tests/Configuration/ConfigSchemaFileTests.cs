using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Lifecycle.Activities.Configuration;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Configuration;

/// <summary>Keeps schemas/config.schema.json, the file init writes and the reader in agreement.</summary>
public class ConfigSchemaFileTests
{
    private const string SchemaFile = "schemas/config.schema.json";
    private static readonly JsonSchema Schema = JsonSchema.FromText(ConfigSchemaGenerator.GenerateText());

    [Fact]
    public void CommittedSchema_MatchesTheGeneratedOne()
    {
        var generated = ConfigSchemaGenerator.GenerateText();
        if (RepositoryFiles.Updating)
        {
            File.WriteAllText(RepositoryFiles.PathOf(SchemaFile), generated);
            return;
        }

        Assert.True(RepositoryFiles.Read(SchemaFile) == generated,
            $"{SchemaFile} is stale; run {RepositoryFiles.UpdateVariable}=1 dotnet test tests/Lifecycle.Activities.Tests --filter FullyQualifiedName~ConfigSchemaFile and commit the file.");
    }

    [Fact]
    public void DefaultText_IsValidAgainstTheSchema_AndReadsBackAsTheDefaults()
    {
        var text = ConfigFile.DefaultText();

        AssertValid(text);
        var config = LifecycleConfigLoader.Parse(text);
        Assert.Equal(Serialize(LifecycleConfig.Default), Serialize(config));
        Assert.Equal(ConfigFile.SchemaReference, JsonNode.Parse(text)!["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void DefaultText_NamesEverySettingOfTheSchema()
    {
        var written = Paths(JsonNode.Parse(ConfigFile.DefaultText())!.AsObject(), "$").ToHashSet();

        var settings = Settings(Root(), "$", v => v).Where(s => !s.Path.Contains("[0]")).Select(s => s.Path);

        Assert.Empty(settings.Except(written));
    }

    [Fact]
    public void Ensure_InAFreshFolder_WritesTheConfigAndItsSchema()
    {
        using var repo = new TempRepository();
        var paths = LifecyclePaths.For(repo.Path);

        var result = ConfigFile.Ensure(paths);

        Assert.True(result.ConfigCreated);
        Assert.True(result.SchemaWritten);
        Assert.Equal(ConfigFile.DefaultText(), File.ReadAllText(paths.Config));
        Assert.Equal(ConfigSchemaGenerator.GenerateText(), File.ReadAllText(paths.ConfigSchema));
        Assert.Equal(paths.ConfigSchema, Path.GetFullPath(ConfigFile.SchemaReference, Path.GetDirectoryName(paths.Config)!));
        Assert.Equal(["config.json", "config.schema.json"], Directory.EnumerateFiles(paths.StateFolder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Ensure_WithTheUsersConfig_KeepsIt_AndRefreshesAStaleSchema()
    {
        using var repo = new TempRepository();
        var paths = LifecyclePaths.For(repo.Path);
        repo.Write(".lifecycle/config.json", "{ \"idleThresholdMinutes\": 30 }\n");
        repo.Write(".lifecycle/config.schema.json", "{}\n");

        var result = ConfigFile.Ensure(paths);
        var again = ConfigFile.Ensure(paths);

        Assert.False(result.ConfigCreated);
        Assert.True(result.SchemaWritten);
        Assert.False(again.SchemaWritten);
        Assert.Equal("{ \"idleThresholdMinutes\": 30 }\n", File.ReadAllText(paths.Config));
        Assert.Equal(ConfigSchemaGenerator.GenerateText(), File.ReadAllText(paths.ConfigSchema));
    }

    [Fact]
    public void Schema_NamesExactlyTheKeysTheReaderKnows()
    {
        var root = Root();
        var reality = Object(root, "realityChecks");
        var builtins = Object(reality, "builtins");

        Assert.Equal(ReaderKeys("RootKeys"), Keys(root));
        Assert.Equal(ReaderKeys("RealityKeys"), Keys(reality));
        Assert.Equal(ReaderKeys("BuiltinsKeys"), Keys(builtins));
        foreach (var name in Keys(builtins))
        {
            Assert.Equal(ReaderKeys("BuiltinKeys"), Keys(Object(builtins, name)));
        }

        Assert.Equal(ReaderKeys("AgentKeys"), Keys(reality["properties"]!["agents"]!["items"]!.AsObject()));
    }

    [Fact]
    public void Schema_Bounds_AreTheReaders()
    {
        var checkedBounds = 0;
        foreach (var (path, property, wrap) in Settings(Root(), "$", v => v))
        {
            if (property["minimum"] is { } minimum)
            {
                AssertReaderAndSchema(wrap(minimum.DeepClone()), valid: true, $"{path} = minimum");
                AssertReaderAndSchema(wrap(JsonValue.Create(minimum.GetValue<double>() - 1)), valid: false, $"{path} below minimum");
                checkedBounds++;
            }

            if (property["maximum"] is { } maximum)
            {
                AssertReaderAndSchema(wrap(maximum.DeepClone()), valid: true, $"{path} = maximum");
                AssertReaderAndSchema(wrap(JsonValue.Create(maximum.GetValue<long>() + 1)), valid: false, $"{path} above maximum");
                checkedBounds++;
            }
        }

        Assert.True(checkedBounds >= 9, $"only {checkedBounds} bounds found in the schema");
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("""{"$schema": "./config.schema.json", "manualMode": true}""", true)]
    [InlineData("""{"$schema": 3}""", false)]
    [InlineData("[]", false)]
    [InlineData("""{"idleThresholdMinutes": "15"}""", false)]
    [InlineData("""{"idleThresholdMinutes": 1.5}""", false)]
    [InlineData("""{"idleTresholdMinutes": 15}""", false)]
    [InlineData("""{"docsFolder": "notes/sessions"}""", true)]
    [InlineData("""{"docsFolder": "/var/sessions"}""", false)]
    [InlineData("""{"docsFolder": "../sessions"}""", false)]
    [InlineData("""{"docsFolder": "docs/../../x"}""", false)]
    [InlineData("""{"docsFolder": "  "}""", false)]
    [InlineData("""{"docsFolder": null}""", false)]
    [InlineData("""{"coverageReport": null}""", true)]
    [InlineData("""{"coverageReport": "coverage/cobertura.xml"}""", true)]
    [InlineData("""{"stash": "yes"}""", false)]
    [InlineData("""{"realityChecks": {"minimumFreeDiskMegabytes": 2048}}""", true)]
    [InlineData("""{"realityChecks": {"builtins": {"diskSpace": {"enabled": false, "weight": 2.5}}}}""", true)]
    [InlineData("""{"realityChecks": {"builtins": {"diskSpace": {"weight": -1}}}}""", false)]
    [InlineData("""{"realityChecks": {"builtins": {"diskSpace": true}}}""", false)]
    [InlineData("""{"realityChecks": {"builtins": {"disk": {}}}}""", false)]
    [InlineData("""{"realityChecks": {"agents": [{"name": "tests", "run": "dotnet test", "weight": 3, "timeoutSeconds": 600, "quick": true}]}}""", true)]
    [InlineData("""{"realityChecks": {"agents": [{"name": "tests"}]}}""", false)]
    [InlineData("""{"realityChecks": {"agents": [{"name": " ", "run": "true"}]}}""", false)]
    [InlineData("""{"realityChecks": {"agents": [{"name": "tests", "run": "true", "timeoutSeconds": 0}]}}""", false)]
    [InlineData("""{"realityChecks": {"agents": [{"name": "tests", "run": "true", "retries": 2}]}}""", false)]
    [InlineData("""{"realityChecks": {"agents": {"name": "tests", "run": "true"}}}""", false)]
    public void SchemaAndReader_AgreeOnWhatIsValid(string json, bool valid)
    {
        AssertReaderAndSchema(JsonNode.Parse(json)!, valid, json);
    }

    private static void AssertReaderAndSchema(JsonNode document, bool valid, string what)
    {
        var text = document.ToJsonString();
        var (_, errors) = LifecycleConfigLoader.TryParse(text);
        Assert.True(errors.Count == 0 == valid, $"reader, {what}: {text} -> {string.Join(" | ", errors)}");
        using var parsed = JsonDocument.Parse(text);
        Assert.True(Schema.Evaluate(parsed.RootElement).IsValid == valid, $"schema, {what}: {text}");
    }

    private static void AssertValid(string text)
    {
        using var parsed = JsonDocument.Parse(text);
        var result = Schema.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? []));
    }

    private static JsonObject Root() => JsonNode.Parse(ConfigSchemaGenerator.GenerateText())!.AsObject();

    private static JsonObject Object(JsonObject schema, string key) => schema["properties"]![key]!.AsObject();

    private static List<string> Keys(JsonObject schema) => schema["properties"]!.AsObject().Select(p => p.Key).ToList();

    private static List<string> ReaderKeys(string field) =>
        [.. (string[])typeof(ConfigFile).Assembly.GetType("Lifecycle.Activities.Configuration.ConfigReader")!
            .GetField(field, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!];

    private static string Serialize(LifecycleConfig config) => JsonSerializer.Serialize(config);

    private static IEnumerable<string> Paths(JsonObject document, string path)
    {
        foreach (var (name, value) in document)
        {
            yield return $"{path}.{name}";
            if (value is JsonObject child)
            {
                foreach (var inner in Paths(child, $"{path}.{name}"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// Every setting of the schema: its path, its schema, and how to place a value there in an
    /// otherwise empty config (an array item gets its required keys).
    /// </summary>
    internal static IEnumerable<(string Path, JsonObject Property, Func<JsonNode, JsonNode> Wrap)> Settings(JsonObject schema, string path, Func<JsonNode, JsonNode> wrap)
    {
        foreach (var (name, node) in schema["properties"]!.AsObject())
        {
            if (name == "$schema")
            {
                continue;
            }

            var property = node!.AsObject();
            JsonNode Here(JsonNode value) => wrap(new JsonObject { [name] = value });
            yield return ($"{path}.{name}", property, Here);
            var type = property["type"]?.ToJsonString();
            if (type == "\"object\"")
            {
                foreach (var inner in Settings(property, $"{path}.{name}", Here))
                {
                    yield return inner;
                }
            }
            else if (type == "\"array\"" && property["items"] is JsonObject items && items["properties"] is not null)
            {
                JsonNode Item(JsonNode value)
                {
                    var item = value.AsObject();
                    foreach (var required in items["required"]?.AsArray() ?? [])
                    {
                        var key = required!.GetValue<string>();
                        if (!item.ContainsKey(key))
                        {
                            item[key] = "true";
                        }
                    }

                    return Here(new JsonArray(item));
                }

                foreach (var inner in Settings(items, $"{path}.{name}[0]", Item))
                {
                    yield return inner;
                }
            }
        }
    }
}
