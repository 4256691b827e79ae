using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary>Reads a definition file the user named, validated against the repository's published workflows.</summary>
internal static class DefinitionFiles
{
    public static async Task<WorkflowDefinition> ReadAsync(CommandContext context, EmbeddedHost host, string file, CancellationToken cancellationToken)
    {
        var json = context.ReadUserFile(file);
        if (host.DatabaseExists)
        {
            await host.Engine.Store.InitializeAsync(cancellationToken);
            return await host.Engine.ReadAsync(json, file, cancellationToken);
        }

        // Nothing published yet: validate without creating .lifecycle/ as a side effect.
        return host.Get<DefinitionReader>().Read(json, new DefinitionReaderOptions { SourceName = file, WorkflowExists = _ => false });
    }
}
