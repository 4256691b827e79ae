using Lifecycle.Server.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lifecycle.Server.Tests.Persistence;

public class SessionSchemaTests
{
    [Fact]
    public void Migrations_AreExactlyTheOnesEfCoreFindsInTheAssembly()
    {
        // A migration added with 'dotnet ef migrations add --context SessionDbContext' but not to
        // SessionSchema would leave databases behind while the up-to-date check says they are current.
        using var db = new SessionDbContext(new DbContextOptionsBuilder<SessionDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.Equal(db.Database.GetMigrations(), SessionSchema.Migrations.Known);
        Assert.Equal(SessionDbContext.HistoryTable, SessionSchema.Migrations.HistoryTable);
    }
}
