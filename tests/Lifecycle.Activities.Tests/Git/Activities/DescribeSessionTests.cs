namespace Lifecycle.Activities.Tests.Git.Activities;

public class DescribeSessionTests
{
    [Fact]
    public async Task DescribeSession_ListsTheUncommittedFilesUnlessToldNotTo()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Write("a.txt", "changed\n");
        test.Repository.Write("new.txt", "new\n");
        await test.AddSessionAsync("00001");

        var outputs = await test.RunAsync(
            """{ "id": "listed", "type": "DescribeSession", "session": "00001" }""",
            """{ "id": "unlisted", "type": "DescribeSession", "session": "00001", "listUncommitted": false }""");

        Assert.Equal("""["a.txt","new.txt"]""", outputs["listed"]!["uncommittedFiles"]!.ToJsonString());
        Assert.Equal("ACTIVE", (string?)outputs["listed"]!["state"]);
        Assert.Null(outputs["unlisted"]!["uncommittedFiles"]);
        Assert.Equal(0, (int)outputs["unlisted"]!["openTasks"]!);
    }
}
