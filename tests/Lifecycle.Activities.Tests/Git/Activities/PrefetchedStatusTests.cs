namespace Lifecycle.Activities.Tests.Git.Activities;

public class PrefetchedStatusTests
{
    [Fact]
    public async Task RunCommand_DiscardsAPrefetchedStatus_SoTheStashSeesWhatTheCommandChanged()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00001");
        await test.Prefetch.Start();

        var outputs = await test.RunAsync(
            """{ "id": "touch", "type": "RunCommand", "run": "echo written by a command > a.txt" }""",
            """{ "id": "stash", "type": "StashWork", "session": "00001" }""");

        Assert.Equal("""["a.txt"]""", outputs["stash"]!["files"]!.ToJsonString());
        Assert.Equal("", test.Status());
    }
}
