using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Metrics;

public class DocumentationFilesTests
{
    [Theory]
    [InlineData("README.md", true)]
    [InlineData("guide/INSTALL.MD", true)]
    [InlineData("notes.markdown", true)]
    [InlineData("api/index.rst", true)]
    [InlineData("manual.adoc", true)]
    [InlineData("CHANGES.txt", true)]
    [InlineData("docs/diagram.svg", true)]
    [InlineData("src/Api/Docs/openapi.yaml", true)]
    [InlineData("docs\\images\\flow.png", true)]
    [InlineData("src/Program.cs", false)]
    [InlineData("docs.cs", false)]
    [InlineData("src/docs", false)]
    [InlineData("CMakeLists.txt", false)]
    [InlineData("requirements-dev.txt", false)]
    [InlineData("docs/requirements.txt", true)]
    [InlineData("", false)]
    public void IsDocumentation_ByExtensionOrDocsFolder(string path, bool expected)
    {
        Assert.Equal(expected, DocumentationFiles.IsDocumentation(path));
    }
}
