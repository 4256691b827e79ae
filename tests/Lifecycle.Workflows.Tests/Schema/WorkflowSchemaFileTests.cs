using Lifecycle.Workflows.Activities;
using Lifecycle.Workflows.Schema;

namespace Lifecycle.Workflows.Tests.Schema;

/// <summary>Keeps the committed schemas/workflow.schema.json equal to what the built-in registry generates.</summary>
public class WorkflowSchemaFileTests
{
    private const string UpdateVariable = "LIFECYCLE_UPDATE_SCHEMA";

    [Fact]
    public void CommittedSchema_MatchesTheGeneratedOne()
    {
        var path = Path.Combine(RepositoryRoot(), "schemas", "workflow.schema.json");
        var generated = WorkflowSchemaGenerator.GenerateText(new ActivityRegistry());

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        // A checkout with core.autocrlf turns the "\n" endings into "\r\n"; that is not staleness.
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Assert.True(committed == generated,
            $"schemas/workflow.schema.json is stale; run {UpdateVariable}=1 dotnet test tests/Lifecycle.Workflows.Tests --filter FullyQualifiedName~Schema and commit the file.");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Lifecycle.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Lifecycle.sln.");
    }
}
