using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lifecycle.Server.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SessionDbContext</c> build the context.</summary>
internal sealed class SessionDesignTimeFactory : IDesignTimeDbContextFactory<SessionDbContext>
{
    public SessionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SessionDbContext>()
            .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(SessionDbContext.HistoryTable))
            .Options);
}
