using System.Text.Json;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Activities.Configuration;

/// <summary>
/// Reads <c>.lifecycle/config.json</c> and validates it whole: every problem is reported at once,
/// each with its JSONPath and a sentence that quotes the value and suggests the fix.
/// </summary>
/// <remarks>Comments and trailing commas are allowed; the file is written by hand.</remarks>
public static class LifecycleConfigLoader
{
    /// <summary>Where the file lives, relative to the repository root.</summary>
    public const string RelativePath = ".lifecycle/config.json";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Loads the repository's configuration; <see cref="LifecycleConfig.Default"/> when the file does not exist.</summary>
    /// <param name="repositoryRoot">The repository's working-tree root.</param>
    /// <exception cref="SessionException">Exit code 2, listing every problem, one per line.</exception>
    public static LifecycleConfig Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, RelativePath);
        if (Directory.Exists(path))
        {
            throw new SessionException($"{RelativePath} is a folder; it should be a JSON file. Remove the folder to use the defaults.", ErrorKind.InvalidInput);
        }

        return File.Exists(path) ? Parse(File.ReadAllText(path), RelativePath) : LifecycleConfig.Default;
    }

    /// <summary>Parses and validates configuration text.</summary>
    /// <param name="json">The file's content.</param>
    /// <param name="sourceName">What to call the text in the error message, e.g. its path.</param>
    /// <exception cref="SessionException">Exit code 2, listing every problem, one per line.</exception>
    public static LifecycleConfig Parse(string json, string sourceName = RelativePath)
    {
        var (config, errors) = TryParse(json);
        if (errors.Count == 0)
        {
            return config!;
        }

        var heading = errors.Count == 1 ? $"{sourceName} has 1 problem:" : $"{sourceName} has {errors.Count} problems:";
        throw new SessionException(heading + "\n" + string.Join("\n", errors), ErrorKind.InvalidInput);
    }

    /// <summary>Parses and validates; returns the configuration, or null with every problem as <c>path: sentence</c>.</summary>
    public static (LifecycleConfig? Config, IReadOnlyList<string> Errors) TryParse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, ["$: The file is empty. Write {} to use the defaults, or delete the file."]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return (null, [$"$: {InvalidJsonMessage(ex, json)}"]);
        }

        using (document)
        {
            if (JsonStrings.FindUnreadable(document.RootElement) is { } unreadable)
            {
                return (null, [$"{unreadable.Path}: {unreadable.Message}"]);
            }

            var reader = new ConfigReader();
            var config = reader.ReadRoot(document.RootElement);
            return reader.Errors.Count > 0 ? (null, reader.Errors) : (config, []);
        }
    }

    private static string InvalidJsonMessage(JsonException ex, string json) =>
        $"{JsonSyntaxError.Describe(ex, json)} Fix the syntax (comments and trailing commas are allowed).";
}
