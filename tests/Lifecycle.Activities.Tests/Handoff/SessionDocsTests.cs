using Lifecycle.Activities.Handoff;

namespace Lifecycle.Activities.Tests.Handoff;

public class SessionDocsTests
{
    [Fact]
    public void For_NamesTheFourDocuments()
    {
        var docs = SessionDocs.For("docs/sessions", "00004");

        Assert.Equal(
            ["docs/sessions/SESSION-00004-LOG.md", "docs/sessions/SESSION-00004-HANDOFF.md", "docs/sessions/SESSION-00004-HANDOFF.json", "docs/sessions/SESSION-00004-REPORT.md"],
            docs.All);
    }

    [Theory]
    [InlineData(null, "4", "docs/sessions/SESSION-00004-REPORT.md")]
    [InlineData("", "SESSION-00012", "docs/sessions/SESSION-00012-REPORT.md")]
    [InlineData("notes\\sessions\\", "00012", "notes/sessions/SESSION-00012-REPORT.md")]
    [InlineData("journal/", "99999", "journal/SESSION-99999-REPORT.md")]
    public void For_NormalizesTheFolderAndTheId(string? folder, string id, string report) =>
        Assert.Equal(report, SessionDocs.For(folder, id).Report);

    [Fact]
    public void For_ABadId_SaysWhatIdsLookLike()
    {
        var error = Assert.Throws<SessionException>(() => SessionDocs.For("docs/sessions", "latest"));
        Assert.Contains("ids look like 00001", error.Message);
    }
}
