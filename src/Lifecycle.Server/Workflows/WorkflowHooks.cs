using Lifecycle.Activities;
using Lifecycle.Workflows;
using Lifecycle.Workflows.Definitions;
using Lifecycle.Workflows.Hosting;

namespace Lifecycle.Server.Workflows;

/// <summary>
/// Finds the workflow an <c>Http</c> trigger (<c>{"type": "Http", "method": "POST", "path": "deploy/done"}</c>)
/// starts for a call: among the latest published versions, the one declaring the call's path
/// (compared without leading or trailing '/', case-sensitively as URL paths are) and method
/// (case-insensitively).
/// </summary>
public sealed class WorkflowHooks(WorkflowEngine engine)
{
    /// <exception cref="SessionException">
    /// No workflow declares the path (<see cref="ErrorKind.NotFound"/>), or several declare it with
    /// the method (<see cref="ErrorKind.Conflict"/>: which to run would be a guess).
    /// </exception>
    public async Task<HookMatch> MatchAsync(string method, string path, CancellationToken cancellationToken)
    {
        var wanted = Normalize(path);
        var declared = new List<(WorkflowDefinition Workflow, string Method)>();
        foreach (var summary in await engine.Store.ListDefinitionsAsync(cancellationToken))
        {
            WorkflowDefinition? definition;
            try
            {
                definition = await engine.Store.GetAsync(summary.Id, summary.LatestVersion, cancellationToken);
            }
            catch (WorkflowException)
            {
                // A version this build cannot read any more serves no call; the others still do.
                continue;
            }

            foreach (var trigger in definition?.Triggers ?? [])
            {
                if (trigger is { Type: "Http", Method: { } m, Path: { } p } && Normalize(p) == wanted)
                {
                    declared.Add((definition!, m.ToUpperInvariant()));
                }
            }
        }

        if (declared.Count == 0)
        {
            throw new SessionException(
                $"No published workflow has an Http trigger for path '{wanted}'. Declare {{\"type\": \"Http\", \"method\": \"POST\", \"path\": \"{wanted}\"}} in a workflow's triggers and publish it.",
                ErrorKind.NotFound);
        }

        var allowed = declared.Select(d => d.Method).Distinct().Order(StringComparer.Ordinal).ToList();
        var matching = declared.Where(d => d.Method == method.ToUpperInvariant()).Select(d => d.Workflow).DistinctBy(w => w.Id).ToList();
        return matching.Count switch
        {
            0 => new HookMatch(null, allowed),
            1 => new HookMatch(matching[0], allowed),
            _ => throw new SessionException(
                $"Workflows {string.Join(", ", matching.Select(w => $"'{w.Id}'"))} all declare an Http trigger for {method.ToUpperInvariant()} '{wanted}'; give each its own path.",
                ErrorKind.Conflict),
        };
    }

    private static string Normalize(string path) => path.Trim('/');
}
