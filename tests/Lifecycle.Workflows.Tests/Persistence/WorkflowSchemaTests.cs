using Lifecycle.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Workflows.Tests.Persistence;

public class WorkflowSchemaTests
{
    [Fact]
    public void Migrations_AreExactlyTheOnesEfCoreFindsInTheAssembly()
    {
        // A migration added with 'dotnet ef migrations add' but not to WorkflowSchema would leave
        // databases behind while the up-to-date check says they are current.
        using var db = new WorkflowDbContext(new DbContextOptionsBuilder<WorkflowDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(db.Database.GetMigrations(), WorkflowSchema.Migrations.Known);
    }

    [Fact]
    public void HistoryTable_IsEfCoresDefault() =>
        Assert.Equal(Microsoft.EntityFrameworkCore.Migrations.HistoryRepository.DefaultTableName, WorkflowSchema.Migrations.HistoryTable);
}
