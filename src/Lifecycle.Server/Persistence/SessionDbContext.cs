using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lifecycle.Server.Persistence;

/// <summary>The session tables, in the same SQLite file as the engine's, with their own migrations history.</summary>
/// <remarks>
/// The schema only: its migrations create and update the tables (see <see cref="SessionSchema"/>);
/// <see cref="SqliteSessionStore"/> reads and writes them with SQL of its own.
/// </remarks>
public sealed class SessionDbContext(DbContextOptions<SessionDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__SessionMigrationsHistory";

    public DbSet<SessionRecord> Sessions => Set<SessionRecord>();

    public DbSet<SessionEventRecord> Events => Set<SessionEventRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SessionRecord>(e =>
        {
            e.ToTable("Sessions");
            e.HasKey(s => s.Id);
        });
        modelBuilder.Entity<SessionEventRecord>(e =>
        {
            e.ToTable("SessionEvents");
            e.HasKey(x => x.Sequence);
            e.HasIndex(x => new { x.SessionId, x.Sequence });
        });
    }
}
