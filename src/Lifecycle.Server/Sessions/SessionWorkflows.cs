using System.Reflection;
using Lifecycle.Server.Workflows;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Sessions;

/// <summary>
/// The session procedures: the defaults shipped in <c>workflows/</c> (embedded in the executable),
/// each overridable by the repository's <c>.lifecycle/workflows/&lt;id&gt;.json</c>. A broken override
/// fails with its validation errors before anything runs.
/// </summary>
internal static class SessionWorkflows
{
    public const string Start = "session-start";
    public const string End = "session-end";
    public const string Tracking = "work-tracking";

    public static readonly IReadOnlyList<string> Ids = [Start, End, Tracking];

    /// <summary>
    /// Publishes every session workflow: a new version only when it changed, and only a changed
    /// source is read and validated (so a broken override fails here, before anything runs).
    /// </summary>
    public static async Task PublishAllAsync(Lifecycle.Workflows.Hosting.WorkflowEngine engine, Lifecycle.Activities.Setup.LifecyclePaths paths, CancellationToken cancellationToken)
    {
        foreach (var id in Ids)
        {
            var (json, source) = Source(paths, id);
            if (WorkflowDrafts.IdMismatch(json, id) is { } mismatch)
            {
                throw new WorkflowValidationException(source, [mismatch]);
            }

            await engine.PublishSourceAsync(json, source, cancellationToken);
        }
    }

    /// <summary>The override when the repository has one, else the shipped default.</summary>
    public static (string Json, string Source) Source(Lifecycle.Activities.Setup.LifecyclePaths paths, string id)
    {
        if (new WorkflowDrafts(paths).Read(id) is { } custom)
        {
            return (custom, WorkflowDrafts.RelativePath(id));
        }

        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"workflows/{id}.json") ??
                           throw new InvalidOperationException($"The default workflow '{id}' is missing from this build.");
        using var reader = new StreamReader(stream);
        return (reader.ReadToEnd(), $"workflows/{id}.json (default)");
    }
}
