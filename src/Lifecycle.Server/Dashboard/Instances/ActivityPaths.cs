using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Dashboard.Instances;

/// <summary>
/// Where each activity of a definition sits among the composites above it, by the name the
/// journal gives it (its id, or its JSONPath). The journal records only that name; the nesting
/// comes from the definition the instance runs, where every activity's JSONPath starts with its
/// parent's.
/// </summary>
public sealed class ActivityPaths
{
    private readonly Dictionary<string, IReadOnlyList<string>> _ancestors = new(StringComparer.Ordinal);

    private ActivityPaths()
    {
    }

    /// <summary>No definition at hand (deleted, or unreadable): every entry is shown without its composites.</summary>
    public static ActivityPaths None { get; } = new();

    /// <summary>The ancestors of every activity of <paramref name="definition"/>, outermost first.</summary>
    public static ActivityPaths Of(WorkflowDefinition definition)
    {
        var paths = new ActivityPaths();
        foreach (var activity in definition.Activities)
        {
            var chain = new List<string>();
            for (var parent = Parent(definition, activity.Path); parent is not null; parent = Parent(definition, parent.Path))
            {
                chain.Insert(0, Label(parent));
            }

            paths._ancestors.TryAdd(activity.DisplayId, chain);
        }

        return paths;
    }

    /// <summary>
    /// The composites above the activity the journal names <paramref name="activityId"/>, outermost
    /// first; an activity of a called workflow (<c>workflow:activity</c>) is shown under that workflow.
    /// </summary>
    public IReadOnlyList<string> Ancestors(string activityId)
    {
        if (_ancestors.TryGetValue(activityId, out var chain))
        {
            return chain;
        }

        var colon = activityId.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? [activityId[..colon]] : [];
    }

    /// <summary>Every activity's ancestors, for the page's script to place entries that arrive live.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> All => _ancestors;

    /// <summary>How a composite is named in a path: its id, or its type when it has none.</summary>
    public static string Label(Activity activity) => activity.Id ?? activity.Type;

    private static Activity? Parent(WorkflowDefinition definition, string path)
    {
        // The parent's path is the longest proper prefix that ends before a '.' or '[' and names an activity.
        for (var end = path.Length - 1; end > 0; end--)
        {
            if ((path[end] == '.' || path[end] == '[') && definition.ByPath.TryGetValue(path[..end], out var parent))
            {
                return parent;
            }
        }

        return null;
    }
}
