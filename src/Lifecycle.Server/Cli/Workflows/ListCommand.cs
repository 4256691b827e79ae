using System.CommandLine;
using Lifecycle.Server.Workflows;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow list</c>: the published workflows and their latest versions, and the repository's drafts.</summary>
public static class ListCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var command = new Command("list", "List published workflows (and drafts in .lifecycle/workflows/)");
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var host = context.Host;
            var store = await host.OpenExistingStoreAsync(cancellationToken);
            IReadOnlyList<WorkflowListing> workflows = store is null ? [] : await host.Get<WorkflowCatalog>().ListAsync(cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new { workflows });
                return ExitCodes.Ok;
            }

            if (workflows.Count == 0)
            {
                context.Out.WriteLine("No workflows published. Publish one with 'lifecycle workflow publish FILE'.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("ID", "VERSION", "VERSIONS", "PUBLISHED", "DRAFT", "NAME");
            foreach (var w in workflows)
            {
                table.Add(w.Id, w.LatestVersion?.ToString() ?? "-", w.Versions.ToString(), w.PublishedAt is { } at ? TextTable.Time(at) : "-",
                    w.HasDraft ? "yes" : "", w.Name);
            }

            table.WriteTo(context);
            return ExitCodes.Ok;
        });
    }
}
