using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Handoff;

public class LongListTests
{
    [Fact]
    public void Files_UpToTheLimit_AreListedWhole()
    {
        var files = Enumerable.Range(0, LongList.Limit).Select(i => new HandoffFile($"f{i:00}.txt", 1, 0, false)).ToList();

        Assert.Equal(files.Select(f => f.Path), LongList.Files(files, f => f.Path, "X.json"));
    }

    [Fact]
    public void Files_PastTheLimit_GiveFoldersKindsTheLargestAndTheRest()
    {
        var files = Enumerable.Range(0, 30)
            .Select(i => new HandoffFile(i < 20 ? $"src/f{i:00}.cs" : $"docs/d{i:00}.md", i, 0, false, i % 2 == 0 ? FileChangeKind.Added : FileChangeKind.Modified))
            .ToList();

        var lines = LongList.Files(files, f => $"- {f.Path} ({f.Lines})", "SESSION-00004-HANDOFF.json");

        Assert.Equal(
            [
                "- By folder: src/ 20, docs/ 10",
                "- By kind: added 15, modified 15",
                "- The 20 with the most lines changed:",
                .. Enumerable.Range(10, 20).Reverse().Select(i => i < 20 ? $"  - src/f{i:00}.cs ({i})" : $"  - docs/d{i:00}.md ({i})"),
                "- … and 10 more (all 30 are in SESSION-00004-HANDOFF.json)",
            ],
            lines);
    }

    [Fact]
    public void Ends_PastTheLimit_ShowsTenAtEachEndWithTheirNumbers()
    {
        var items = Enumerable.Range(1, 26).ToList();

        var lines = LongList.Ends(items, (n, i) => $"{i + 1}. item {n}", "items", "X.json");

        Assert.Equal(
            [.. Enumerable.Range(1, 10).Select(n => $"{n}. item {n}"), "- … 6 more items (all 26 are in X.json) …", .. Enumerable.Range(17, 10).Select(n => $"{n}. item {n}")],
            lines);
    }

    [Theory]
    [InlineData(new[] { "a/b/c/1.txt", "a/b/c/2.txt" }, "a/b/c/ 2")]
    [InlineData(new[] { "a/b/c/1.txt", "a/b/d/2.txt", "a/b/3.txt" }, "a/b/ 1, a/b/c/ 1, a/b/d/ 1")]
    [InlineData(new[] { "a/x/1.txt", "a/y/2.txt", "a/y/3.txt" }, "a/y/ 2, a/x/ 1")]
    [InlineData(new[] { "1.txt", "2.txt" }, "top level 2")]
    [InlineData(new[] { "a/1", "b/1", "c/1", "d/1", "e/1", "f/1", "g/1", "h/1", "i/1", "j/1" }, "a/ 1, b/ 1, c/ 1, d/ 1, e/ 1, f/ 1, g/ 1, h/ 1, 2 in 2 other folders")]
    public void ByFolder_CountsByTopFolder_GoingDeeperWhileOneFolderHoldsAll(string[] paths, string expected)
    {
        Assert.Equal(expected, LongList.ByFolder(paths));
    }

    [Fact]
    public void ByKind_WhenNoKindIsKnown_IsNull()
    {
        Assert.Null(LongList.ByKind([FileChangeKind.Unknown, FileChangeKind.Unknown]));
        Assert.Equal("untracked 2, unknown 1", LongList.ByKind([FileChangeKind.Untracked, FileChangeKind.Unknown, FileChangeKind.Untracked]));
    }

    [Fact]
    public void Names_PastTenNames_CountsTheRest()
    {
        Assert.Equal("a, b", LongList.Names(["a", "b"]));
        Assert.Equal("n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, and 3 more", LongList.Names([.. Enumerable.Range(0, 13).Select(i => $"n{i}")]));
    }
}
