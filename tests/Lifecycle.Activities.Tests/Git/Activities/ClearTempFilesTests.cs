namespace Lifecycle.Activities.Tests.Git.Activities;

public class ClearTempFilesTests
{
    private const string Clear = """{ "id": "clear", "type": "ClearTempFiles", "session": "00001" }""";

    [Fact]
    public async Task ClearTempFiles_RemovesOnlyLifecyclesTempFiles_AndRunTwiceRemovesNothingMore()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        test.Repository.Write(".lifecycle/state.json.tmp", "{}");
        test.Repository.Write(".lifecycle/tmp/one.txt", "1");
        test.Repository.Write(".lifecycle/tmp/deep/two.txt", "2");
        test.Repository.Write(".lifecycle/state.json", "{}");
        test.Repository.Write(".lifecycle/logs/keep.tmp", "kept: not Lifecycle's temp folder");
        test.Repository.Write("work.tmp", "the user's");
        var outside = Directory.CreateTempSubdirectory("lifecycle-outside-").FullName;
        File.WriteAllText(Path.Combine(outside, "precious.txt"), "never deleted");
        Directory.CreateSymbolicLink(Path.Combine(test.Repository.Path, ".lifecycle", "tmp", "link"), outside);

        var outputs = await test.RunAsync(Clear, Clear.Replace("\"clear\"", "\"again\""));

        Assert.Equal(4, (int)outputs["clear"]!["removed"]!);
        Assert.Equal(0, (int)outputs["again"]!["removed"]!);
        Assert.True(File.Exists(Path.Combine(outside, "precious.txt")));
        Assert.True(File.Exists(Path.Combine(test.Repository.Path, ".lifecycle", "state.json")));
        Assert.True(File.Exists(Path.Combine(test.Repository.Path, ".lifecycle", "logs", "keep.tmp")));
        Assert.True(File.Exists(Path.Combine(test.Repository.Path, "work.tmp")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(test.Repository.Path, ".lifecycle", "tmp")));
        Directory.Delete(outside, recursive: true);
    }
}
