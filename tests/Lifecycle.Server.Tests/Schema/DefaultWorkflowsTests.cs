using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Hosting;
using Lifecycle.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace Lifecycle.Server.Tests.Schema;

/// <summary>The shipped session workflows read without a problem with every activity of the product.</summary>
public class DefaultWorkflowsTests
{
    [Theory]
    [InlineData("session-start")]
    [InlineData("session-end")]
    [InlineData("work-tracking")]
    public void DefaultWorkflow_IsValid(string id)
    {
        var root = RepositoryRoot();
        using var services = new ServiceCollection()
            .AddLifecycleSessions(root)
            .AddSingleton<ISessionStore>(new Lifecycle.Server.Persistence.SqliteSessionStore(Path.Combine(Path.GetTempPath(), "never-opened.db")))
            .BuildServiceProvider();
        var reader = new DefinitionReader(ProductActivities.CreateRegistry(), services);
        var known = new HashSet<string> { "session-start", "session-end", "work-tracking" };

        var (definition, errors) = reader.TryRead(File.ReadAllText(Path.Combine(root, "workflows", $"{id}.json")),
            new DefinitionReaderOptions { SourceName = id, WorkflowExists = known.Contains });

        Assert.Empty(errors);
        Assert.Equal(id, definition!.Id);
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

        throw new InvalidOperationException("No folder above the tests holds Lifecycle.sln.");
    }
}
