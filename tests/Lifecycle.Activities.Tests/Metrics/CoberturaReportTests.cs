using Lifecycle.Activities.Metrics;

namespace Lifecycle.Activities.Tests.Metrics;

public sealed class CoberturaReportTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("lifecycle-coverage-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Report(string xml)
    {
        var path = Path.Combine(_folder.FullName, "coverage.cobertura.xml");
        File.WriteAllText(path, xml);
        return path;
    }

    [Fact]
    public void Read_ACoberturaReport_GivesTheRootLineRate()
    {
        var path = Report("""
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
            <coverage line-rate="0.8534" branch-rate="0.5" version="1.9" timestamp="1700000000">
              <packages><package name="a" line-rate="0.1" /></packages>
            </coverage>
            """);

        Assert.Equal(CoverageReading.Of(0.8534), CoberturaReport.Read(path));
    }

    [Fact]
    public void Read_AMissingFile_IsUnavailableWithTheReason()
    {
        var path = Path.Combine(_folder.FullName, "none.xml");

        Assert.Equal(CoverageReading.Unavailable($"coverage report '{path}' was not found"), CoberturaReport.Read(path));
    }

    [Fact]
    public void Read_InvalidXml_IsUnavailableWithTheReason()
    {
        var reading = CoberturaReport.Read(Report("<coverage line-rate=\"0.5\""));

        Assert.Null(reading.LineRate);
        Assert.StartsWith($"coverage report '{Path.Combine(_folder.FullName, "coverage.cobertura.xml")}' is not valid XML: ", reading.UnavailableReason);
    }

    [Theory]
    [InlineData("<report line-rate=\"0.5\" />", "is not a Cobertura report (its root element is 'report', not 'coverage')")]
    [InlineData("<coverage branch-rate=\"0.5\" />", "has no line-rate attribute on its root element")]
    [InlineData("<coverage line-rate=\"high\" />", "has line-rate 'high', not a number from 0 to 1")]
    [InlineData("<coverage line-rate=\"NaN\" />", "has line-rate 'NaN', not a number from 0 to 1")]
    [InlineData("<coverage line-rate=\"85.3\" />", "has line-rate '85.3', not a number from 0 to 1")]
    public void Read_AReportWithoutAUsableLineRate_IsUnavailableWithTheReason(string xml, string reason)
    {
        var path = Report(xml);

        Assert.Equal(CoverageReading.Unavailable($"coverage report '{path}' {reason}"), CoberturaReport.Read(path));
    }
}
