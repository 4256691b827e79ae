using System.Text;
using Lifecycle.Activities;
using Lifecycle.Activities.Setup;
using Lifecycle.Activities.State;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Workflows;

/// <summary>
/// The repository's own edited workflows, <c>.lifecycle/workflows/&lt;id&gt;.json</c>: the drafts
/// the HTTP API saves and publishes, and the overrides of the shipped session workflows (the same
/// files: DESIGN.md "the repo's own edited workflows, overriding the defaults"). Ids are checked
/// before any path is made from them, so no id names a file outside that folder.
/// </summary>
public sealed class WorkflowDrafts(LifecyclePaths paths)
{
    /// <summary>The file of <paramref name="id"/>'s draft, relative to the repository (for messages).</summary>
    public static string RelativePath(string id) => LifecyclePaths.WorkflowOverrideRelative(id);

    /// <summary>
    /// Refuses an id that could not be a workflow's (and so could name another file): only letters,
    /// digits, '.', '_' and '-', starting with a letter or digit, no "..", at most
    /// <see cref="DefinitionReader.MaxIdLength"/> characters.
    /// </summary>
    /// <exception cref="SessionException">The id is not one (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public static string CheckId(string id) =>
        IsId(id)
            ? id
            : throw new SessionException(
                $"'{Shorten(id)}' is not a workflow id: use letters, digits, '.', '_' and '-' (starting with a letter or digit, no '..', at most {DefinitionReader.MaxIdLength} characters).",
                ErrorKind.InvalidInput);

    /// <summary>
    /// Refuses a draft whose own id is not the file's: <c>.lifecycle/workflows/&lt;id&gt;.json</c>
    /// overrides workflow <c>id</c>, so it must say so.
    /// </summary>
    /// <returns>The problem, or null when the ids agree (or the document has no readable id: validation says so).</returns>
    public static DefinitionError? IdMismatch(string json, string id) =>
        DefinitionReader.Identify(json) is { } identity && identity.Id != id
            ? new DefinitionError("$.id", $"This file overrides '{id}', so its id must be '{id}', not '{identity.Id}'.")
            : null;

    /// <summary>True when the repository has its own version of <paramref name="id"/>.</summary>
    public bool Exists(string id) => File.Exists(paths.WorkflowOverride(CheckId(id)));

    /// <summary>The repository's own version of <paramref name="id"/> as written, or null when it has none.</summary>
    public string? Read(string id)
    {
        try
        {
            return File.ReadAllText(paths.WorkflowOverride(CheckId(id)));
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The ids of the drafts in the folder (files whose names are workflow ids).</summary>
    public IReadOnlyList<string> List()
    {
        if (!Directory.Exists(paths.WorkflowsFolder))
        {
            return [];
        }

        return Directory.EnumerateFiles(paths.WorkflowsFolder, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(IsId)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Writes <paramref name="json"/> as the draft of <paramref name="id"/> atomically (a temporary
    /// file flushed to disk, renamed over the old one, the folder flushed): a reader, or a crash,
    /// sees the old draft or the new one, never half of one.
    /// </summary>
    public async Task WriteAsync(string id, string json, CancellationToken cancellationToken)
    {
        var target = paths.WorkflowOverride(CheckId(id));
        Directory.CreateDirectory(paths.WorkflowsFolder);
        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, useAsync: true))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(json), cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        FolderSync.Flush([paths.WorkflowsFolder]);
    }

    private static bool IsId(string id) =>
        id.Length is > 0 and <= DefinitionReader.MaxIdLength
        && char.IsAsciiLetterOrDigit(id[0])
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && !id.Contains("..", StringComparison.Ordinal);

    private static string Shorten(string id) => id.Length > 40 ? id[..40] + "…" : id;
}
