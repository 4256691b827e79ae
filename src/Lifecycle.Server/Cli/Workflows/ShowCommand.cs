using System.CommandLine;
using Lifecycle.Server.Workflows;

namespace Lifecycle.Server.Cli.Workflows;

/// <summary><c>workflow show ID [--version N]</c>: a published workflow, its versions and its definition.</summary>
public static class ShowCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var id = new Argument<string>("id") { Description = "The workflow id" };
        var version = new Option<string?>("--version") { Description = "Show this version number (default: the latest)" };
        var command = new Command("show", "Show a published workflow: versions and definition") { id, version };
        return command.Handle(output, error, async (context, cancellationToken) =>
        {
            var workflowId = context.Parse.GetValue(id)!;
            var host = context.Host;
            if (await host.OpenExistingStoreAsync(cancellationToken) is null)
            {
                throw new Lifecycle.Workflows.Hosting.WorkflowNotFoundException(workflowId);
            }

            int? wanted = context.Parse.GetValue(version) is { } text
                ? int.TryParse(text, out var number) && number > 0 ? number : throw new UsageException($"--version must be a version number like 2; got '{text}'.")
                : null;
            var definition = await host.Get<WorkflowCatalog>().GetAsync(workflowId, wanted, cancellationToken);
            var versions = definition.Versions;
            if (context.Json)
            {
                context.WriteJson(definition);
                return ExitCodes.Ok;
            }

            context.Out.WriteLine($"{definition.Id}: {definition.Name} (version {definition.Version} of {versions.Count})");
            if (definition.Description is not null)
            {
                context.Out.WriteLine($"  {definition.Description}");
            }

            foreach (var trigger in definition.Triggers)
            {
                context.Out.WriteLine($"  trigger: {trigger.Type} {trigger.Event ?? trigger.Cron ?? $"{trigger.Method} {trigger.Path}"}");
            }

            var table = new TextTable("VERSION", "PUBLISHED", "CONTENT");
            foreach (var v in versions)
            {
                table.Add(v.Version.ToString(), TextTable.Time(v.PublishedAt), v.ContentHash[..12]);
            }

            table.WriteTo(context);
            context.Out.WriteLine();
            context.Out.WriteLine(definition.Source.TrimEnd());
            return ExitCodes.Ok;
        });
    }
}
