using System.Globalization;
using System.Xml;

namespace Lifecycle.Activities.Metrics;

/// <summary>Reads the overall line coverage from a Cobertura XML report.</summary>
public static class CoberturaReport
{
    /// <summary>
    /// The <c>line-rate</c> attribute of the report's root <c>coverage</c> element. A missing,
    /// unreadable or malformed report, or a rate that is not a number from 0 to 1, gives an
    /// unavailable reading whose reason names the file; this never throws for a bad report.
    /// </summary>
    public static CoverageReading Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            reader.MoveToContent();
            if (reader.LocalName != "coverage")
            {
                return CoverageReading.Unavailable(
                    $"coverage report '{path}' is not a Cobertura report (its root element is '{reader.LocalName}', not 'coverage')");
            }

            var text = reader.GetAttribute("line-rate");
            if (text is null)
            {
                return CoverageReading.Unavailable($"coverage report '{path}' has no line-rate attribute on its root element");
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
                ? CoverageReading.Of(rate)
                : CoverageReading.Unavailable($"coverage report '{path}' has line-rate '{text}', not a number from 0 to 1");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return CoverageReading.Unavailable($"coverage report '{path}' was not found");
        }
        catch (XmlException exception)
        {
            return CoverageReading.Unavailable($"coverage report '{path}' is not valid XML: {exception.Message}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return CoverageReading.Unavailable($"coverage report '{path}' could not be read: {exception.Message}");
        }
    }
}
