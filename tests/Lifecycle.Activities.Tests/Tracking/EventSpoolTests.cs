using Lifecycle.Activities.Setup;
using Lifecycle.Activities.Tests.Support;
using Lifecycle.Activities.Tracking;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Activities.Tests.Tracking;

/// <summary>The claim itself: each line delivered once, crashes and late writers included.</summary>
public class EventSpoolTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Claim_NotCompleted_DeliversTheSameEventsAgain_WithTheSameIds()
    {
        using var spool = new SpoolFolder();
        spool.Append(Line(spool.Sha, "@1740819600"), Line(spool.Sha, "@1740819601"));

        IReadOnlyList<SpooledEvent> first;
        using (var crashed = await spool.ClaimAsync())
        {
            first = crashed.Events;
        }

        using var again = await spool.ClaimAsync();

        Assert.Equal(2, first.Count);
        Assert.Equal(first.Select(e => (e.Id, e.Timestamp)), again.Events.Select(e => (e.Id, e.Timestamp)));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1740819601), again.Events[1].Timestamp);
        again.Complete();
        using var done = await spool.ClaimAsync();
        Assert.Empty(done.Events);
    }

    [Fact]
    public async Task Claim_LinesAppendedWhileABatchIsOpen_GoToTheNextClaim()
    {
        using var spool = new SpoolFolder();
        spool.Append(Line(spool.Sha, "@1"));

        using var batch = await spool.ClaimAsync();
        spool.Append(Line(spool.Sha, "@2"));
        batch.Complete();
        using var next = await spool.ClaimAsync();

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1), Assert.Single(batch.Events).Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), Assert.Single(next.Events).Timestamp);
    }

    [Fact]
    public async Task Claim_AHookThatOpenedTheSpoolBeforeTheClaim_HasItsLineDeliveredByALaterClaim()
    {
        using var spool = new SpoolFolder();
        spool.Append(Line(spool.Sha, "@1"));
        using (var late = new FileStream(spool.Paths.EventSpool, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            using (var batch = await spool.ClaimAsync())
            {
                Assert.Single(batch.Events);
                batch.Complete();
            }

            late.Write(System.Text.Encoding.UTF8.GetBytes(Line(spool.Sha, "@2")));
        }

        using var next = await spool.ClaimAsync();

        Assert.False(File.Exists(spool.Paths.EventSpool));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), Assert.Single(next.Events).Timestamp);
    }

    [Fact]
    public async Task Claim_MalformedLines_AreSkippedAndCounted_AndNotDeliveredAgain()
    {
        using var spool = new SpoolFolder();
        spool.Append(
            Line(spool.Sha, "@1"),
            "\nnot a hook's line\n",
            "\nv1 post-commit @2 refs/heads/main not-a-sha\n",
            "\nv1 post-commit tomorrow refs/heads/main " + spool.Sha + "\n",
            "\nv1 post-checkout @3 refs/heads/main - a b\n",
            "\nv9 post-commit @4 refs/heads/main " + spool.Sha + "\n",
            "\n\u0000\u0000\u0000\n",
            Line(spool.Sha, "@5"));

        using var batch = await spool.ClaimAsync();
        batch.Complete();
        using var again = await spool.ClaimAsync();

        Assert.Equal(6, batch.Skipped);
        Assert.Equal([1L, 5L], batch.Events.Select(e => e.Timestamp.ToUnixTimeSeconds()));
        Assert.Empty(again.Events);
        Assert.Equal(0, again.Skipped);
    }

    [Fact]
    public async Task Claim_ATruncatedLastLine_WaitsOutTheGrace_ThenIsSkipped()
    {
        using var spool = new SpoolFolder();
        var time = new FakeTimeProvider(Start);
        spool.Append(Line(spool.Sha, "@1"), "\nv1 post-commit @2 refs/heads/ma");

        using (var batch = await spool.ClaimAsync(time))
        {
            Assert.Single(batch.Events);
            Assert.Equal(0, batch.Skipped);
            batch.Complete();
        }

        spool.Append(Line(spool.Sha, "@3"));
        time.Advance(EventSpool.LateWriteGrace);
        using var later = await spool.ClaimAsync(time);
        later.Complete();

        Assert.Equal(3, Assert.Single(later.Events).Timestamp.ToUnixTimeSeconds());
        Assert.Equal(1, later.Skipped);
        Assert.Single(Directory.EnumerateFiles(spool.Paths.EventsFolder, "claimed-*"));
    }

    [Fact]
    public async Task Claim_AClaimedFileYoungerThanTheGrace_IsKept_ThenDeleted()
    {
        using var spool = new SpoolFolder();
        var time = new FakeTimeProvider(Start);
        spool.Append(Line(spool.Sha, "@1"));
        (await spool.ClaimAsync(time)).Complete();
        var claimed = Assert.Single(Directory.EnumerateFiles(spool.Paths.EventsFolder, "claimed-*"));
        Assert.EndsWith("." + new FileInfo(claimed).Length, claimed);

        time.Advance(EventSpool.LateWriteGrace);
        spool.Append(Line(spool.Sha, "@2"));
        using var later = await spool.ClaimAsync(time);
        later.Complete();

        Assert.False(File.Exists(claimed));
        Assert.Single(Directory.EnumerateFiles(spool.Paths.EventsFolder, "claimed-*"));
    }

    [Fact]
    public async Task Claim_WhileAnotherBatchIsOpen_WaitsForItsCompletion()
    {
        using var spool = new SpoolFolder();
        spool.Append(Line(spool.Sha, "@1"));
        var first = await spool.ClaimAsync();

        var second = spool.ClaimAsync();
        spool.Append(Line(spool.Sha, "@2"));
        Assert.False(second.IsCompleted);
        first.Complete();
        using var next = await second;

        Assert.Equal(1, Assert.Single(first.Events).Timestamp.ToUnixTimeSeconds());
        Assert.Equal(2, Assert.Single(next.Events).Timestamp.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Complete_Twice_IsRefused()
    {
        using var spool = new SpoolFolder();
        spool.Append(Line(spool.Sha, "@1"));
        var batch = await spool.ClaimAsync();

        batch.Complete();

        Assert.Throws<ObjectDisposedException>(batch.Complete);
    }

    [Fact]
    public async Task Claim_ByASpoolThatListedTheFolderBefore_SeesClaimedFilesThatGrewOrAppearedSince()
    {
        using var spool = new SpoolFolder();
        // A clock minutes ahead of the file system: the folder's listing is then remembered (not racily new).
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddMinutes(10));
        var reader = new EventSpool(spool.Paths, clock);
        spool.Append(Line(spool.Sha, "@1"));
        using (var late = new FileStream(spool.Paths.EventSpool, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            using (var first = await reader.ClaimAsync())
            {
                first.Complete();
            }

            using (var nothing = await reader.ClaimAsync())
            {
                Assert.Empty(nothing.Events);
            }

            // A hook that opened the spool before the claim writes into the claimed file: no new entry in the folder.
            late.Write(System.Text.Encoding.UTF8.GetBytes(Line(spool.Sha, "@2")));
        }

        using (var grown = await reader.ClaimAsync())
        {
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(2), Assert.Single(grown.Events).Timestamp);
            grown.Complete();
        }

        // Another process claims a line and dies before completing: its claimed file is new in the folder.
        spool.Append(Line(spool.Sha, "@3"));
        using (var crashed = await new EventSpool(spool.Paths, clock).ClaimAsync())
        {
            Assert.Single(crashed.Events);
        }

        using var recovered = await reader.ClaimAsync();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(3), Assert.Single(recovered.Events).Timestamp);
    }

    [Fact]
    public async Task Claim_WithNothingSpooled_TakesNoLock_AndWritesNothing()
    {
        using var spool = new SpoolFolder();

        using var batch = await spool.ClaimAsync();

        Assert.Empty(batch.Events);
        Assert.False(File.Exists(spool.Paths.EventSpoolLock));
    }

    private static string Line(string sha, string clock) => $"\nv1 post-commit {clock} refs/heads/main {sha}\n";

    /// <summary>A repository with one commit and a <c>.lifecycle/</c> folder whose spool the test writes.</summary>
    private sealed class SpoolFolder : IDisposable
    {
        private readonly TempRepository _repo = new();

        public SpoolFolder()
        {
            _repo.Write("a.txt", "a\n");
            Sha = _repo.CommitAll("add a");
            Directory.CreateDirectory(Paths.StateFolder);
        }

        public string Sha { get; }

        public LifecyclePaths Paths => LifecyclePaths.For(_repo.Path);

        public void Append(params string[] lines) => File.AppendAllText(Paths.EventSpool, string.Concat(lines));

        public Task<SpoolBatch> ClaimAsync(TimeProvider? time = null) => new EventSpool(Paths, time ?? TimeProvider.System).ClaimAsync();

        public void Dispose() => _repo.Dispose();
    }
}
