using System.Text.Json.Nodes;
using Lifecycle.Activities.Continuity;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Handoff;

/// <summary>A session that touched thousands of files: the documents stay short, the JSON keeps everything.</summary>
public class LargeSessionTests
{
    private const int Untracked = 3044;
    private const int CommitCount = 600;

    /// <summary>3,044 untracked files put away (2,000 under node_cache/, 1,000 under src/gen/, 44 at the top), 600 commits of src/a.cs and 100 errors.</summary>
    private static HandoffSources Sources()
    {
        var files = Enumerable.Range(0, Untracked).Select(i => new FileChange(
            i < 2000 ? $"node_cache/pkg{i % 50}/f{i}.js" : i < 3000 ? $"src/gen/f{i}.cs" : $"top{i}.txt",
            i % 7 + 1, 0, FileChangeKind.Untracked)).ToList();
        var commits = Enumerable.Range(0, CommitCount).Select(i => new CommitRecord(
            $"{i:x8}{new string('0', 32)}", $"commit {i}", HandoffExample.At(14, 5).AddSeconds(i * 10), [new FileChange("src/a.cs", 1, 1, FileChangeKind.Modified)])).ToList();
        var errors = Enumerable.Range(0, 100).Select(i => new SessionError(HandoffExample.At(15, 0).AddSeconds(i), $"error {i}")).ToList();
        return HandoffExample.Sources() with
        {
            PutAway = new StashedWork("lifecycle session 00004", files, []),
            Commits = commits,
            Errors = errors,
        };
    }

    [Fact]
    public void MarkdownDocuments_StayUnderAHundredAndFiftyLines_AndSayWhereEverythingIs()
    {
        var handoff = HandoffBuilder.Build(Sources());

        var markdown = HandoffMarkdown.Render(handoff);
        var report = SessionReport.Render(handoff);
        var log = SessionLog.Close(SessionLog.Start(HandoffExample.Context(), ContinuationStrategy.Determine(HandoffExample.Context()), []), handoff);

        Assert.Equal(3045, handoff.WorkCompleted.FilesModified);
        Assert.InRange(Lines(markdown), 1, 150);
        Assert.InRange(Lines(report), 1, 150);
        Assert.InRange(Lines(log), 1, 150);
        Assert.Contains("### Files Modified (3045)\n- By folder: node_cache/ 2000, src/ 1001, top level 44\n- By kind: untracked 3044, modified 1\n", markdown);
        Assert.Contains("- … and 3025 more (all 3045 are in SESSION-00004-HANDOFF.json)\n", markdown);
        Assert.Contains("- … 580 more commits (all 600 are in SESSION-00004-HANDOFF.json) …\n", markdown);
        Assert.Contains("- … 80 more errors (all 100 are in SESSION-00004-HANDOFF.json) …\n", markdown);
        Assert.Contains("10. commit 9 (14:06)\n- … 580 more commits (all 600 are in SESSION-00004-HANDOFF.json) …\n591. commit 590 (15:43)\n", report);
        Assert.Contains("- **Files Changed**: 3045 (node_cache/ 2000, src/ 1001, top level 44)\n", log);
    }

    [Fact]
    public void Json_KeepsEveryFileCommitAndError_OneToALine()
    {
        var handoff = HandoffBuilder.Build(Sources());

        var text = HandoffJson.Render(handoff);

        var json = JsonNode.Parse(text)!;
        Assert.Equal(3045, json["workCompleted"]!["files"]!.AsArray().Count);
        Assert.Equal(Untracked, json["stash"]!["files"]!.AsArray().Count);
        Assert.Equal(CommitCount, json["workCompleted"]!["commits"]!.AsArray().Count);
        Assert.Equal(100, json["errors"]!.AsArray().Count);
        // One line per item, plus the document's own fields (some 150 lines).
        Assert.InRange(Lines(text), 3045 + Untracked + CommitCount + 100, 3045 + Untracked + CommitCount + 100 + 150);
        Assert.Equal(text, HandoffJson.Render(HandoffJson.Parse(text)));
    }

    private static int Lines(string text) => text.Count(c => c == '\n');
}
