using System.Text.Json;
using System.Text.Json.Nodes;
using Lifecycle.Activities;
using Lifecycle.Activities.Setup;
using Lifecycle.Workflows;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;
using Lifecycle.Workflows.Persistence;

namespace Lifecycle.Server.Workflows;

/// <summary>
/// The workflow definitions' use cases, for the CLI (<c>workflow validate, publish, list, show</c>)
/// and the HTTP API alike: validating, publishing, listing and showing versions, and the
/// repository's drafts (<see cref="WorkflowDrafts"/>) saved and published.
/// </summary>
public sealed class WorkflowCatalog(WorkflowEngine engine, DefinitionReader reader, WorkflowDrafts drafts, LifecyclePaths paths)
{
    private static readonly JsonDocumentOptions Relaxed = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Reads and validates a definition; <c>RunWorkflow</c> targets must be published. Creates no
    /// database where there is none (nothing is published there, so no target exists).
    /// </summary>
    /// <exception cref="WorkflowValidationException">Every problem found.</exception>
    public async Task<WorkflowDefinition> ReadAsync(string json, string source, CancellationToken cancellationToken)
    {
        if (!File.Exists(paths.Database))
        {
            return reader.Read(json, new DefinitionReaderOptions { SourceName = source, WorkflowExists = _ => false });
        }

        await engine.Store.InitializeAsync(cancellationToken);
        return await engine.ReadAsync(json, source, cancellationToken);
    }

    /// <summary>Validates and stores a definition as a new version, only when its content changed.</summary>
    /// <exception cref="WorkflowValidationException">Every problem found; nothing is stored.</exception>
    public async Task<PublishedWorkflow> PublishAsync(string json, string source, CancellationToken cancellationToken)
    {
        await engine.Store.InitializeAsync(cancellationToken);
        var (definition, created) = await engine.PublishAsync(await engine.ReadAsync(json, source, cancellationToken), cancellationToken);
        return new PublishedWorkflow(definition.Id, definition.Version, created, definition);
    }

    /// <summary>Every workflow published or drafted, by id.</summary>
    public async Task<IReadOnlyList<WorkflowListing>> ListAsync(CancellationToken cancellationToken)
    {
        var drafted = drafts.List().ToHashSet(StringComparer.Ordinal);
        var listings = new List<WorkflowListing>();
        foreach (var summary in await engine.Store.ListDefinitionsAsync(cancellationToken))
        {
            var latest = await LatestAsync(summary, cancellationToken);
            var hasDraft = drafted.Remove(summary.Id);
            listings.Add(new WorkflowListing(summary.Id, summary.Name, summary.Description, summary.LatestVersion, summary.Versions,
                summary.PublishedAt, latest?.Triggers ?? [], hasDraft, hasDraft && Differs(drafts.Read(summary.Id), latest?.Source)));
        }

        foreach (var id in drafted)
        {
            listings.Add(new WorkflowListing(id, DraftName(drafts.Read(id)) ?? id, null, null, 0, null, [], true, Unpublished: true));
        }

        return listings.OrderBy(l => l.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every published version of <paramref name="id"/>, oldest first.</summary>
    /// <exception cref="WorkflowNotFoundException">None is published.</exception>
    public async Task<IReadOnlyList<DefinitionVersion>> VersionsAsync(string id, CancellationToken cancellationToken)
    {
        var versions = await engine.Store.ListVersionsAsync(WorkflowDrafts.CheckId(id), cancellationToken);
        return versions.Count > 0 ? versions : throw new WorkflowNotFoundException(id);
    }

    /// <summary>One published version of <paramref name="id"/>: <paramref name="version"/>, or the latest.</summary>
    /// <exception cref="WorkflowNotFoundException">None is published.</exception>
    /// <exception cref="SessionException">No such version (<see cref="ErrorKind.NotFound"/>), or not a version number (<see cref="ErrorKind.InvalidInput"/>).</exception>
    public async Task<WorkflowDocument> GetAsync(string id, int? version, CancellationToken cancellationToken)
    {
        if (version is <= 0)
        {
            throw new SessionException($"A version is a number from 1, like 2; got {version}.", ErrorKind.InvalidInput);
        }

        var versions = await VersionsAsync(id, cancellationToken);
        var wanted = version ?? versions[^1].Version;
        var definition = await engine.Store.GetAsync(id, wanted, cancellationToken) ??
                         throw new SessionException(
                             $"Workflow '{id}' has no version {wanted}; its versions are {string.Join(", ", versions.Select(v => v.Version))}.",
                             ErrorKind.NotFound);
        return new WorkflowDocument(definition.Id, definition.Name, definition.Description, definition.Version, versions,
            definition.Triggers, JsonNode.Parse(definition.Source, documentOptions: Relaxed), definition.Source);
    }

    /// <summary>
    /// Validates <paramref name="json"/> as the draft of <paramref name="id"/> and saves it as the
    /// repository's own version (<see cref="WorkflowDrafts"/>); nothing is published.
    /// </summary>
    /// <exception cref="WorkflowValidationException">Every problem, the id's too when it is not <paramref name="id"/>; nothing is saved.</exception>
    public async Task<DraftStatus> SaveDraftAsync(string id, string json, CancellationToken cancellationToken)
    {
        var source = WorkflowDrafts.RelativePath(WorkflowDrafts.CheckId(id));
        if (await ProblemsAsync(json, source, id, cancellationToken) is { Count: > 0 } errors)
        {
            throw new WorkflowValidationException(source, errors);
        }

        await drafts.WriteAsync(id, json, cancellationToken);
        var latest = File.Exists(paths.Database) ? (await engine.Store.ListVersionsAsync(id, cancellationToken)).LastOrDefault() : null;
        return new DraftStatus(id, source, latest?.Version, latest is not null && latest.ContentHash == DefinitionReader.Identify(json)?.ContentHash);
    }

    /// <summary>
    /// Every problem saving <paramref name="json"/> as a draft would report, saving nothing: the
    /// validation of <see cref="ReadAsync"/>, and when <paramref name="id"/> is given, a document
    /// whose own id is not that one (the editor of a draft checks as it types).
    /// </summary>
    /// <returns>The problems; empty when the definition is valid.</returns>
    public async Task<IReadOnlyList<DefinitionError>> ProblemsAsync(string json, string source, string? id, CancellationToken cancellationToken)
    {
        var errors = new List<DefinitionError>();
        try
        {
            await ReadAsync(json, source, cancellationToken);
        }
        catch (WorkflowValidationException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (id is not null && WorkflowDrafts.IdMismatch(json, WorkflowDrafts.CheckId(id)) is { } mismatch)
        {
            errors.Insert(0, mismatch);
        }

        return errors;
    }

    /// <summary>The draft of <paramref name="id"/> as written.</summary>
    /// <exception cref="SessionException">There is none (<see cref="ErrorKind.NotFound"/>).</exception>
    public string GetDraft(string id) => drafts.Read(id) ?? throw NoDraft(id);

    /// <summary>Publishes the draft of <paramref name="id"/> (a new version only when it differs from the latest).</summary>
    /// <exception cref="SessionException">There is no draft (<see cref="ErrorKind.NotFound"/>).</exception>
    /// <exception cref="WorkflowValidationException">The draft (edited by hand since) is not valid; nothing is published.</exception>
    public Task<PublishedWorkflow> PublishDraftAsync(string id, CancellationToken cancellationToken)
    {
        var json = GetDraft(id);
        var source = WorkflowDrafts.RelativePath(id);
        return WorkflowDrafts.IdMismatch(json, id) is { } mismatch
            ? throw new WorkflowValidationException(source, [mismatch])
            : PublishAsync(json, source, cancellationToken);
    }

    private static SessionException NoDraft(string id) =>
        new($"Workflow '{id}' has no draft ({WorkflowDrafts.RelativePath(id)}); save one first.", ErrorKind.NotFound);

    /// <summary>The version in force; null when its source no longer reads (this build lost an activity it uses).</summary>
    private async Task<WorkflowDefinition?> LatestAsync(DefinitionSummary summary, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.Store.GetAsync(summary.Id, summary.LatestVersion, cancellationToken);
        }
        catch (WorkflowException)
        {
            return null;
        }
    }

    /// <summary>True when a draft's JSON says something else than a published source (layout and comments aside); a draft that does not read differs.</summary>
    private static bool Differs(string? draft, string? published)
    {
        if (draft is null || published is null)
        {
            return draft is not null;
        }

        try
        {
            return !JsonNode.DeepEquals(JsonNode.Parse(draft, documentOptions: Relaxed), JsonNode.Parse(published, documentOptions: Relaxed));
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    /// <summary>The "name" of a draft that is not published, without validating it (a listing must not fail on a draft in progress).</summary>
    private static string? DraftName(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json, documentOptions: Relaxed)?["name"] is JsonValue name && name.TryGetValue(out string? text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
