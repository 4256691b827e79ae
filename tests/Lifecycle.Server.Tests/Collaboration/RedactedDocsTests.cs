using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Persistence;
using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>Secrets typed into a session (task titles, notes, errors) never reach the committed session docs; the close records how many it removed.</summary>
public class RedactedDocsTests
{
    private const string Token = "ghp_k2Vd8sQm4Lx7Rt1Nw9Zp3Hc6Jf0Yb5Ga8Ue2";
    private const string Key = "AKIAZ7QW3ERT5YUI9OPA";

    [Fact]
    public async Task TheClose_RedactsEveryDocItWritesAndCommits_AndCountsWithoutTheSecrets()
    {
        using var folder = new TempFolder();
        var cli = Clones.AsPerson(SessionRepositories.Prepare(folder));
        Assert.Equal(0, (await cli.RunAsync("start")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("task", "add", $"rotate {Token} today")).ExitCode);
        Assert.Equal(0, (await cli.RunAsync("event", "error_occurred", "--message", $"deploy failed with key {Key}")).ExitCode);

        var end = await cli.RunAsync("--json", "end", "--yes", "--note", "call <private>Dana at home, 555-0100</private> tomorrow");

        Assert.True(end.ExitCode == 0, end.ToString());
        Assert.DoesNotContain(Token, end.Stdout);
        Assert.Contains("[REDACTED:github-token]", end.Json["openItems"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("call [REDACTED:private] tomorrow", end.Json["notes"]!.GetValue<string>());
        var docs = Directory.GetFiles(Path.Combine(folder.Path, "docs", "sessions"));
        Assert.Equal(4, docs.Length);
        foreach (var doc in docs)
        {
            var text = File.ReadAllText(doc);
            Assert.DoesNotContain(Token, text);
            Assert.DoesNotContain(Key, text);
            Assert.DoesNotContain("555-0100", text);
        }

        var history = Git.Run(folder.Path, "log", "-p", "--all");
        Assert.DoesNotContain(Token, history);
        Assert.DoesNotContain(Key, history);
        Assert.Contains("[REDACTED:aws-access-key]", File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-HANDOFF.md")));
        var log = File.ReadAllText(Path.Combine(folder.Path, "docs", "sessions", "SESSION-00001-LOG.md"));
        Assert.Contains("secrets redacted from the handoff and report:", log);

        // The reports are built from the store, which keeps what was typed: they are redacted too, in every format.
        foreach (var format in (string[])["md", "json", "html"])
        {
            var report = await cli.RunAsync("report", "00001", "--format", format);
            Assert.True(report.ExitCode == 0, report.ToString());
            Assert.DoesNotContain(Token, report.Stdout);
            Assert.DoesNotContain(Key, report.Stdout);
            Assert.Contains("[REDACTED:", report.Stdout);
        }

        var across = await cli.RunAsync("report", "--all", "--format", "json");
        Assert.True(across.ExitCode == 0, across.ToString());
        Assert.DoesNotContain(Token, across.Stdout);

        var events = await new SqliteSessionStore(Path.Combine(folder.Path, ".lifecycle", "lifecycle.db")).GetEventsAsync("00001", default);
        var redacted = Assert.Single(events, e => e.Type == SessionEventTypes.SecretsRedacted);
        Assert.True(redacted.Data!["count"]!.GetValue<int>() >= 3, redacted.Data.ToJsonString());
        Assert.NotNull(redacted.Data["kinds"]!["github-token"]);
        Assert.NotNull(redacted.Data["kinds"]!["private"]);
        Assert.DoesNotContain(Token, redacted.Data.ToJsonString());
    }
}
