using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Schema;

namespace Lifecycle.Server.Tests.Schema;

/// <summary>Keeps the committed schemas/workflow.schema.json equal to what the product's registry (built-ins and Lifecycle.Activities) generates.</summary>
public class WorkflowSchemaFileTests
{
    private const string UpdateVariable = "LIFECYCLE_UPDATE_SCHEMA";

    [Fact]
    public void CommittedSchema_MatchesTheGeneratedOne()
    {
        var path = Path.Combine(RepositoryRoot(), "schemas", "workflow.schema.json");
        var generated = WorkflowSchemaGenerator.GenerateText(ProductActivities.CreateRegistry());

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }

        // A checkout with core.autocrlf turns the "\n" endings into "\r\n"; that is not staleness.
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        Assert.True(committed == generated,
            $"schemas/workflow.schema.json is stale; run {UpdateVariable}=1 dotnet test tests/Lifecycle.Server.Tests --filter FullyQualifiedName~WorkflowSchemaFile and commit the file.");
    }

    [Fact]
    public async Task SchemaCommand_PrintsTheCommittedSchema()
    {
        var folder = Directory.CreateTempSubdirectory("lifecycle-schema-").FullName;
        try
        {
            var result = await new Support.CliRunner(folder).RunAsync("workflow", "schema");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(WorkflowSchemaGenerator.GenerateText(ProductActivities.CreateRegistry()), result.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
