using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities.Setup;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// What <c>lifecycle init</c> writes: <c>.lifecycle/config.json</c> with every setting at its
/// default, unless the file exists, and its schema beside it, for editors.
/// </summary>
/// <remarks>
/// The schema goes next to the config (<see cref="LifecyclePaths.ConfigSchema"/>), and the config's
/// <c>$schema</c> names it relatively (<see cref="SchemaReference"/>): editors find it in any
/// repository, offline, and it always matches the Lifecycle that wrote it. The schema is
/// Lifecycle's, so it is rewritten whenever it differs; the config is the user's, so it never is.
/// </remarks>
public static class ConfigFile
{
    /// <summary>The config's <c>$schema</c>: the schema file beside it.</summary>
    public const string SchemaReference = "./config.schema.json";

    /// <summary>How settings are written: camelCase keys, indented by two, <c>\n</c> line endings.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The text of a new config: <c>$schema</c>, then every setting at its default.</summary>
    public static string DefaultText()
    {
        var settings = JsonSerializer.SerializeToNode(LifecycleConfig.Default, JsonOptions)!.AsObject();
        var document = new JsonObject { ["$schema"] = SchemaReference };
        foreach (var (name, value) in settings.ToList())
        {
            settings.Remove(name);
            document[name] = value;
        }

        return document.ToJsonString(JsonOptions) + "\n";
    }

    /// <summary>Writes the schema (when it differs) and a default config (when there is none).</summary>
    /// <param name="paths">The working tree.</param>
    /// <exception cref="SessionException">Failure: <c>.lifecycle/</c> cannot be written.</exception>
    public static ConfigFileResult Ensure(LifecyclePaths paths)
    {
        try
        {
            Directory.CreateDirectory(paths.StateFolder);
            var schema = ConfigSchemaGenerator.GenerateText();
            var schemaWritten = !File.Exists(paths.ConfigSchema) || File.ReadAllText(paths.ConfigSchema) != schema;
            if (schemaWritten)
            {
                Write(paths.ConfigSchema, schema, overwrite: true);
            }

            var configCreated = !File.Exists(paths.Config) && !Directory.Exists(paths.Config) && Write(paths.Config, DefaultText(), overwrite: false);
            return new ConfigFileResult(paths.Config, configCreated, paths.ConfigSchema, schemaWritten);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SessionException($"Cannot write the configuration in {paths.StateFolder} ({ex.Message}); make it writable and run 'lifecycle init' again.", ErrorKind.Failure, ex);
        }
    }

    // Through a temp file, so a crash leaves no half-written file; without overwrite, a config
    // someone wrote meanwhile wins (the move fails and false says so).
    private static bool Write(string path, string content, bool overwrite)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            File.Move(temp, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
