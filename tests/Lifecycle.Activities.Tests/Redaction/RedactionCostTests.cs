using System.Diagnostics;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Redaction;
using Lifecycle.Activities.Tests.Handoff;
using Xunit.Abstractions;

namespace Lifecycle.Activities.Tests.Redaction;

/// <summary>What redaction costs the close: every string of a large handoff is redacted on its way to disk.</summary>
public class RedactionCostTests(ITestOutputHelper output)
{
    [Fact]
    public void RedactJson_OfAHandoffWithThousandsOfFiles_TakesAFractionOfASecondAndChangesNothing()
    {
        var files = Enumerable.Range(0, 3044).Select(i => new HandoffFile($"node_cache/pkg{i}/lib/index{i}.js", i % 50, i % 7, true)).ToList();
        var handoff = HandoffExample.Handoff() with { WorkCompleted = HandoffExample.Handoff().WorkCompleted with { Files = files } };
        var json = HandoffJson.Render(handoff);
        SecretRedactor.RedactJson(json);

        var clock = Stopwatch.StartNew();
        var result = SecretRedactor.RedactJson(json);
        var markdown = SecretRedactor.Redact(HandoffMarkdown.Render(handoff));
        clock.Stop();

        output.WriteLine($"{json.Length:N0} characters of JSON and the markdown redacted in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(0, result.Total + markdown.Total);
        Assert.Same(json, result.Text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{clock.ElapsedMilliseconds} ms");
    }
}
