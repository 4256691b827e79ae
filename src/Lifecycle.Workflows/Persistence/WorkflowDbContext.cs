using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lifecycle.Workflows.Persistence;

/// <summary>The engine's tables: definitions, instances, bookmarks and the journal.</summary>
/// <remarks>
/// The schema only: its migrations create and update the tables (see <see cref="WorkflowSchema"/>);
/// <see cref="SqliteWorkflowStore"/> reads and writes them with SQL of its own.
/// </remarks>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<JournalSegmentRecord> Journal => Set<JournalSegmentRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text; stored as sortable integers (all values are UTC).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DefinitionRecord>(e =>
        {
            e.ToTable("WorkflowDefinitions");
            e.HasKey(d => new { d.Id, d.Version });
        });
        modelBuilder.Entity<InstanceRecord>(e =>
        {
            e.ToTable("WorkflowInstances");
            e.HasKey(i => i.Id);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => new { i.Status, i.DefinitionId });

            // The listing's filters and orders (issue 9), and retention's finished-before scan.
            e.HasIndex(i => new { i.DefinitionId, i.Version });
            e.HasIndex(i => i.Correlation);
            e.HasIndex(i => i.CreatedAt);
            e.HasIndex(i => i.UpdatedAt);
            e.HasIndex(i => new { i.Status, i.FinishedAt });
        });
        modelBuilder.Entity<BookmarkRecord>(e =>
        {
            e.ToTable("WorkflowBookmarks");
            e.HasKey(b => new { b.InstanceId, b.BookmarkId });
            e.HasIndex(b => new { b.Event, b.Correlation });
            e.HasIndex(b => b.DueAt);
        });
        modelBuilder.Entity<JournalSegmentRecord>(e =>
        {
            e.ToTable("WorkflowJournal");
            // Position: the store-wide order of segments (AUTOINCREMENT, so a deleted position is never
            // reused), which the live journal stream gives out as its event ids.
            e.HasKey(j => j.Position);
            e.HasIndex(j => new { j.InstanceId, j.FirstSequence }).IsUnique();
        });
    }
}
