using System.Text;
using Lifecycle.Activities.State;
using Microsoft.Extensions.Time.Testing;

namespace Lifecycle.Activities.Tests.State;

public sealed class StateFileTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 14, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("lifecycle-state-");
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _folder.Delete(recursive: true);

    private string MainPath => Path.Combine(_folder.FullName, "state.json");

    private StateFile<Snapshot> NewFile(int backups = 5) => new(MainPath, _time, new StateFileOptions { BackupCount = backups });

    private async Task<StateFile<Snapshot>> WriteVersionsAsync(int count, int backups = 5)
    {
        var file = NewFile(backups);
        for (var version = 1; version <= count; version++)
        {
            await file.WriteAsync(Snapshot.Version(version));
            _time.Advance(TimeSpan.FromMinutes(5));
        }

        return file;
    }

    private static async Task<Snapshot> ValueOfAsync(string path) =>
        (await new StateFile<Snapshot>(path, TimeProvider.System).ReadAsync())!.Value;

    [Fact]
    public async Task ReadAsync_WhenNothingWasSaved_ReturnsNull()
    {
        Assert.Null(await NewFile().ReadAsync());
    }

    [Fact]
    public async Task WriteThenRead_RoundTripsTheValueWithItsSaveTime()
    {
        var file = NewFile();
        var saved = new Snapshot("S-00014", 3, ["Enhance commands", "Update session log"]);

        await file.WriteAsync(saved);
        var loaded = await NewFile().ReadAsync();

        Assert.NotNull(loaded);
        Assert.Equal(saved.SessionId, loaded.Value.SessionId);
        Assert.Equal(saved.Commits, loaded.Value.Commits);
        Assert.Equal(saved.OpenTasks, loaded.Value.OpenTasks);
        Assert.Equal(Start, loaded.SavedAt);
        Assert.False(loaded.WasRestored);
        Assert.Null(loaded.Notice);
    }

    [Fact]
    public async Task WriteAsync_WritesACamelCaseEnvelopeWithTheChecksumOfThePayloadText()
    {
        await NewFile().WriteAsync(Snapshot.Version(1));

        var text = await File.ReadAllTextAsync(MainPath);
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(Start, root.GetProperty("savedAt").GetDateTimeOffset());
        var payload = root.GetProperty("payload");
        Assert.Equal("session-1", payload.GetProperty("sessionId").GetString());
        var expected = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(payload.GetRawText())));
        Assert.Equal(expected, root.GetProperty("sha256").GetString());
        Assert.False(File.Exists(MainPath + ".tmp"));
    }

    public static TheoryData<string, string> Corruptions => new()
    {
        { "flipped byte", "checksum mismatch" },
        { "truncation", "not valid JSON, possibly truncated" },
        { "invalid JSON", "not valid JSON, possibly truncated" },
        { "wrong checksum", "checksum mismatch" },
        { "lone surrogate in the checksum", "checksum mismatch" },
        { "empty file", "empty file" },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task ReadAsync_WhenTheMainFileIsCorrupt_RestoresTheNewestBackupAndSaysSo(string corruption, string reason)
    {
        var file = await WriteVersionsAsync(3);
        Corrupt(MainPath, corruption);
        var corruptBytes = await File.ReadAllBytesAsync(MainPath);
        var backupBytes = await File.ReadAllBytesAsync(file.BackupPath(1));

        var loaded = await file.ReadAsync();

        Assert.NotNull(loaded);
        Assert.Equal("session-2", loaded.Value.SessionId);
        Assert.Equal("state.json.1", loaded.RestoredFrom);
        Assert.Equal(Start.AddMinutes(5), loaded.SavedAt);
        Assert.Equal(
            $"state.json was corrupt ({reason}); restored from state.json.1 saved at 2026-11-24 14:05:00 UTC. " +
            "The corrupt file was kept as state.json.corrupt.",
            loaded.Notice);
        Assert.Equal(backupBytes, await File.ReadAllBytesAsync(MainPath));
        Assert.Equal(corruptBytes, await File.ReadAllBytesAsync(MainPath + ".corrupt"));
        var again = await NewFile().ReadAsync();
        Assert.Null(again!.Notice);
        Assert.Equal("session-2", again.Value.SessionId);
    }

    [Fact]
    public async Task ReadAsync_WhenTheNewestBackupIsCorruptToo_RestoresTheNextGoodOne()
    {
        var file = await WriteVersionsAsync(4);
        Corrupt(MainPath, "wrong checksum");
        Corrupt(file.BackupPath(1), "truncation");

        var loaded = await file.ReadAsync();

        Assert.Equal("session-2", loaded!.Value.SessionId);
        Assert.Equal("state.json.2", loaded.RestoredFrom);
        Assert.Equal(
            "state.json was corrupt (checksum mismatch); state.json.1 was corrupt (not valid JSON, possibly truncated); " +
            "restored from state.json.2 saved at 2026-11-24 14:05:00 UTC. The corrupt file was kept as state.json.corrupt.",
            loaded.Notice);
    }

    [Fact]
    public async Task ReadAsync_WhenTheMainFileIsMissing_RestoresTheNewestBackup()
    {
        var file = await WriteVersionsAsync(2);
        File.Delete(MainPath);

        var loaded = await file.ReadAsync();

        Assert.Equal("session-1", loaded!.Value.SessionId);
        Assert.Equal(
            "state.json was missing; restored from state.json.1 saved at 2026-11-24 14:00:00 UTC.", loaded.Notice);
        Assert.Equal("session-1", (await ValueOfAsync(MainPath)).SessionId);
    }

    [Fact]
    public async Task PeekAsync_WhenTheMainFileIsCorrupt_ReturnsTheNewestGoodBackupAndWritesNothing()
    {
        var file = await WriteVersionsAsync(3);
        Corrupt(MainPath, "wrong checksum");
        var before = Directory.GetFiles(_folder.FullName).Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllBytes(path))).ToList();

        var peeked = await file.PeekAsync();

        Assert.Equal("session-2", peeked!.Value.SessionId);
        Assert.Equal("state.json.1", peeked.RestoredFrom);
        Assert.Equal(Start.AddMinutes(5), peeked.SavedAt);
        Assert.Equal(
            "state.json was corrupt (checksum mismatch); read (not restored) from state.json.1 saved at 2026-11-24 14:05:00 UTC.",
            peeked.Notice);
        var after = Directory.GetFiles(_folder.FullName).Order(StringComparer.Ordinal)
            .Select(path => (path, File.ReadAllBytes(path))).ToList();
        Assert.Equal(before.Select(f => f.path), after.Select(f => f.path));
        Assert.All(before.Zip(after), pair => Assert.Equal(pair.First.Item2, pair.Second.Item2));
    }

    [Fact]
    public async Task PeekAsync_WhenTheMainFileIsMissing_ReturnsTheNewestBackupWithoutRestoringIt()
    {
        var file = await WriteVersionsAsync(2);
        File.Delete(MainPath);

        var peeked = await file.PeekAsync();

        Assert.Equal("session-1", peeked!.Value.SessionId);
        Assert.False(File.Exists(MainPath));
    }

    [Fact]
    public async Task ReadAsync_WhenTheRestoredCopyCannotBeWrittenBack_StillReturnsItAndSaysSo()
    {
        var file = await WriteVersionsAsync(2);
        Corrupt(MainPath, "wrong checksum");
        Directory.CreateDirectory(MainPath + ".tmp"); // the temp file cannot be created

        var loaded = await file.ReadAsync();

        Assert.Equal("session-1", loaded!.Value.SessionId);
        Assert.StartsWith(
            "state.json was corrupt (checksum mismatch); restored from state.json.1 saved at 2026-11-24 14:00:00 UTC. " +
            "It could not be written back as state.json (",
            loaded.Notice);
    }

    [Fact]
    public async Task ReadAsync_WhenEveryCopyIsCorrupt_ThrowsNamingTheFilesAndSuggestingRecover()
    {
        var file = await WriteVersionsAsync(3);
        Corrupt(MainPath, "flipped byte");
        Corrupt(file.BackupPath(1), "invalid JSON");
        Corrupt(file.BackupPath(2), "wrong checksum");

        var error = await Assert.ThrowsAsync<SessionException>(() => file.ReadAsync());

        Assert.Equal(ErrorKind.Failure, error.Kind);
        Assert.Equal(
            $"No good copy of state.json in {_folder.FullName}: state.json was corrupt (checksum mismatch); " +
            "state.json.1 was corrupt (not valid JSON, possibly truncated); state.json.2 was corrupt (checksum mismatch). " +
            "Run `lifecycle recover` to rebuild the state from the committed session docs.",
            error.Message);
    }

    [Fact]
    public async Task ReadAsync_WhenTheMainFileIsMissingAndEveryBackupIsCorrupt_Throws()
    {
        var file = await WriteVersionsAsync(2);
        File.Delete(MainPath);
        Corrupt(file.BackupPath(1), "empty file");

        var error = await Assert.ThrowsAsync<SessionException>(() => file.ReadAsync());

        Assert.Contains("state.json is missing; state.json.1 was corrupt (empty file).", error.Message);
        Assert.Contains("lifecycle recover", error.Message);
    }

    [Fact]
    public async Task WriteAsync_RotatesBackupsNewestFirstAndCapsThem()
    {
        var file = await WriteVersionsAsync(6, backups: 3);

        Assert.Equal("session-6", (await ValueOfAsync(MainPath)).SessionId);
        Assert.Equal("session-5", (await ValueOfAsync(file.BackupPath(1))).SessionId);
        Assert.Equal("session-4", (await ValueOfAsync(file.BackupPath(2))).SessionId);
        Assert.Equal("session-3", (await ValueOfAsync(file.BackupPath(3))).SessionId);
        Assert.False(File.Exists(file.BackupPath(4)));
    }

    [Fact]
    public async Task WriteAsync_WhenTheCapWasLowered_DropsTheBackupsBeyondIt()
    {
        await WriteVersionsAsync(5, backups: 5);

        var file = await WriteVersionsAsync(1, backups: 2);

        Assert.True(File.Exists(file.BackupPath(2)));
        Assert.False(File.Exists(file.BackupPath(3)));
        Assert.False(File.Exists(file.BackupPath(4)));
    }

    [Fact]
    public async Task LeftoverTempFileFromACrash_IsIgnoredByReadsAndReplacedByTheNextWrite()
    {
        var file = await WriteVersionsAsync(1);
        await File.WriteAllTextAsync(MainPath + ".tmp", "{\"version\":1,\"sha256\":\"half-writ");

        var loaded = await file.ReadAsync();
        await file.WriteAsync(Snapshot.Version(2));

        Assert.Equal("session-1", loaded!.Value.SessionId);
        Assert.Null(loaded.Notice);
        Assert.False(File.Exists(MainPath + ".tmp"));
        Assert.Equal("session-2", (await ValueOfAsync(MainPath)).SessionId);
    }

    [Fact]
    public async Task ConcurrentWritesThroughOneInstance_LeaveAGoodFileAndGoodBackups()
    {
        var file = NewFile(backups: 3);

        await Task.WhenAll(Enumerable.Range(1, 20).Select(version => Task.Run(() => file.WriteAsync(Snapshot.Version(version)))));

        Assert.Null((await file.ReadAsync())!.Notice);
        for (var number = 1; number <= 3; number++)
        {
            Assert.StartsWith("session-", (await ValueOfAsync(file.BackupPath(number))).SessionId);
        }
    }

    [Fact]
    public async Task ReadAsync_WhenThePayloadDoesNotFitTheType_TreatsTheFileAsCorrupt()
    {
        await new StateFile<List<int>>(MainPath, _time).WriteAsync([1, 2]);
        await new StateFile<List<int>>(MainPath, _time).WriteAsync([3]);

        var error = await Assert.ThrowsAsync<SessionException>(() => NewFile().ReadAsync());

        Assert.Contains("state.json was corrupt (payload does not fit Snapshot (", error.Message);
    }

    [Fact]
    public void Constructor_WithBackupCountZero_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NewFile(backups: 0));

        Assert.Contains("BackupCount 0 is out of range; use 1 to 100.", error.Message);
    }

    private static void Corrupt(string path, string corruption)
    {
        var bytes = File.ReadAllBytes(path);
        switch (corruption)
        {
            case "flipped byte":
                // Inside a payload string, so the JSON stays valid and only the checksum can tell.
                var at = Encoding.UTF8.GetString(bytes).IndexOf("session-", StringComparison.Ordinal);
                bytes[at] ^= 0x01;
                File.WriteAllBytes(path, bytes);
                break;
            case "truncation":
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "invalid JSON":
                File.WriteAllText(path, "{ this is not json");
                break;
            case "wrong checksum":
                var text = Encoding.UTF8.GetString(bytes);
                var start = text.IndexOf("\"sha256\": \"", StringComparison.Ordinal) + "\"sha256\": \"".Length;
                File.WriteAllText(path, text[..start] + new string('0', 64) + text[(start + 64)..]);
                break;
            case "lone surrogate in the checksum":
                // Valid JSON whose string cannot be read as UTF-16 text.
                var escaped = Encoding.UTF8.GetString(bytes);
                var from = escaped.IndexOf("\"sha256\": \"", StringComparison.Ordinal) + "\"sha256\": \"".Length;
                File.WriteAllText(path, escaped[..from] + "\\ud800" + escaped[(from + 6)..]);
                break;
            case "empty file":
                File.WriteAllBytes(path, []);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(corruption), corruption, null);
        }
    }

    public sealed record Snapshot(string SessionId, int Commits, List<string> OpenTasks)
    {
        public static Snapshot Version(int version) => new($"session-{version}", version, [$"task {version}"]);
    }
}
