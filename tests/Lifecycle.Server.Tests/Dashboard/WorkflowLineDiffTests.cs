using Lifecycle.Server.Dashboard.Workflows;

namespace Lifecycle.Server.Tests.Dashboard;

/// <summary>The line diff of the compare page, on its own.</summary>
public sealed class WorkflowLineDiffTests
{
    [Fact]
    public void Identical_texts_are_all_kept_with_both_line_numbers()
    {
        var lines = LineDiff.Compare("a\nb\nc\n", "a\nb\nc\n");

        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Equal([1, 2, 3], lines.Select(l => l.LeftNumber!.Value));
        Assert.Equal([1, 2, 3], lines.Select(l => l.RightNumber!.Value));
    }

    [Fact]
    public void Completely_different_texts_are_removed_then_added()
    {
        var lines = LineDiff.Compare("a\nb", "x\ny\nz");

        Assert.Equal(["-a", "-b", "+x", "+y", "+z"], lines.Select(Show));
        var rows = LineDiff.SideBySide(lines);
        Assert.Equal(3, rows.Count);
        Assert.Equal("a", rows[0].Left!.Text);
        Assert.Equal("x", rows[0].Right!.Text);
        Assert.Null(rows[2].Left);
        Assert.Equal("z", rows[2].Right!.Text);
    }

    [Fact]
    public void A_changed_line_in_the_middle_is_one_removal_and_one_addition_between_kept_lines()
    {
        var lines = LineDiff.Compare("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}", "{\n  \"a\": 1,\n  \"b\": 20,\n  \"c\": 3,\n  \"d\": 4\n}");

        Assert.Equal([" {", "   \"a\": 1,", "-  \"b\": 2,", "-  \"c\": 3", "+  \"b\": 20,", "+  \"c\": 3,", "+  \"d\": 4", " }"], lines.Select(Show));
        var rows = LineDiff.SideBySide(lines);
        Assert.Equal(6, rows.Count);
        Assert.Equal((5, 6), (rows[^1].Left!.LeftNumber, rows[^1].Right!.RightNumber));
    }

    [Fact]
    public void Kept_lines_between_changes_are_found_as_the_longest_common_subsequence()
    {
        var lines = LineDiff.Compare("a\nb\nc\nd\ne", "b\nc\nx\ne\nf");

        Assert.Equal(["-a", " b", " c", "-d", "+x", " e", "+f"], lines.Select(Show));
    }

    [Fact]
    public void Empty_texts_and_line_endings()
    {
        Assert.Empty(LineDiff.Compare("", ""));
        Assert.Equal(["+a"], LineDiff.Compare("", "a\n").Select(Show));
        Assert.Equal(["-a"], LineDiff.Compare("a", "").Select(Show));
        Assert.Equal([" a", " b"], LineDiff.Compare("a\r\nb\r\n", "a\nb").Select(Show));
    }

    [Fact]
    public void Texts_too_large_for_the_table_are_still_a_correct_diff()
    {
        var left = Enumerable.Range(0, 3000).Select(i => $"l{i}").ToList();
        var right = Enumerable.Range(0, 3000).Select(i => $"r{i}").ToList();

        var lines = LineDiff.Compare(left, right);

        Assert.Equal(left, lines.Where(l => l.Kind == DiffKind.Removed).Select(l => l.Text));
        Assert.Equal(right, lines.Where(l => l.Kind == DiffKind.Added).Select(l => l.Text));
    }

    private static string Show(DiffLine line) => line.Kind switch
    {
        DiffKind.Added => "+",
        DiffKind.Removed => "-",
        _ => " ",
    } + line.Text;
}
