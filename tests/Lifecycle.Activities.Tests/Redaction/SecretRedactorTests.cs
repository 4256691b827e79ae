using System.Text.Json.Nodes;
using Lifecycle.Activities.Redaction;

namespace Lifecycle.Activities.Tests.Redaction;

public class SecretRedactorTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Redaction", "corpus");

    public static TheoryData<string, string> Secrets()
    {
        var data = new TheoryData<string, string>();
        foreach (var parts in CorpusLines("secrets.txt").Select(line => line.Split('\t', 2)))
        {
            data.Add(parts[0], parts[1]);
        }

        return data;
    }

    public static TheoryData<string> Harmless() => [.. CorpusLines("harmless.txt")];

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Redact_ARealLookingSecret_IsReplacedByAMarkerNamingItsKind(string kind, string line)
    {
        var result = SecretRedactor.Redact(line);

        Assert.True(result.Counts.ContainsKey(kind), $"{kind} not found in: {line} -> {result.Text}");
        Assert.Equal(1, result.Total);
        Assert.Contains($"[REDACTED:{kind}]", result.Text);
        Assert.DoesNotContain(SecretPart(line, result.Text), result.Text);
    }

    [Theory]
    [MemberData(nameof(Harmless))]
    public void Redact_AHarmlessLookAlike_IsLeftAsItIs(string line)
    {
        var result = SecretRedactor.Redact(line);

        Assert.True(result.Total == 0, $"redacted {RedactionResult.Describe(result.Counts)}: {result.Text}");
        Assert.Same(line, result.Text);
    }

    [Theory]
    [InlineData("private-key.pem")]
    [InlineData("openssh-key.pem")]
    public void Redact_APrivateKeyBlock_GoesWholeAndTheTextAroundStays(string file)
    {
        var text = File.ReadAllText(Path.Combine(Corpus, file));

        var result = SecretRedactor.Redact(text);

        Assert.Equal(1, result.Counts["private-key"]);
        Assert.DoesNotContain("PRIVATE KEY", result.Text);
        Assert.Equal(1, result.Text.Split('\n').Count(l => l.Contains("[REDACTED:private-key]", StringComparison.Ordinal)));
        var before = text[..text.IndexOf("-----BEGIN", StringComparison.Ordinal)];
        var after = text[(text.LastIndexOf("-----", StringComparison.Ordinal) + 5)..];
        Assert.Equal(before + "[REDACTED:private-key]" + after, result.Text);
    }

    [Fact]
    public void Redact_TheWholeCorpusAsOneDocument_CatchesEverySecretAndTouchesNoLookAlike()
    {
        var secrets = CorpusLines("secrets.txt").Select(l => l.Split('\t', 2)[1]).ToList();
        var harmless = CorpusLines("harmless.txt");
        var document = string.Join("\n", secrets.Zip(harmless, (s, h) => $"- {s}\n- {h}")) + "\n";

        var result = SecretRedactor.Redact(document);

        Assert.Equal(Math.Min(secrets.Count, harmless.Count), result.Total);
        Assert.All(harmless.Take(secrets.Count), h => Assert.Contains(h, result.Text));
    }

    [Fact]
    public void Redact_RunTwice_ChangesNothingMore()
    {
        var text = string.Join("\n", CorpusLines("secrets.txt").Select(l => l.Split('\t', 2)[1]));
        var once = SecretRedactor.Redact(text);

        var twice = SecretRedactor.Redact(once.Text);

        Assert.Equal(0, twice.Total);
        Assert.Equal(once.Text, twice.Text);
    }

    [Fact]
    public void RedactJson_SecretsInsideStrings_AreReplacedAndTheDocumentStaysValidJson()
    {
        var key = "ghp_" + new string('a', 18) + new string('B', 18);
        var json = new JsonObject
        {
            ["notes"] = $"line one\nGITHUB_TOKEN={key}\n<private>tell \"nobody\"</private> done",
            ["sha"] = "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
            ["files"] = new JsonArray("src/a.cs", "ids/0f8fad5b-d9cb-469f-a165-70867728950e.json"),
        }.ToJsonString();

        var result = SecretRedactor.RedactJson(json);

        var parsed = JsonNode.Parse(result.Text)!;
        Assert.Equal("line one\nGITHUB_TOKEN=[REDACTED:github-token]\n[REDACTED:private] done", parsed["notes"]!.GetValue<string>());
        Assert.Equal("4b825dc642cb6eb9a060e54bf8d69288fbee4904", parsed["sha"]!.GetValue<string>());
        Assert.Equal(2, result.Total);
    }

    [Fact]
    public void RedactJson_AQuotedPasswordWithABracketInAString_GoesWhole()
    {
        var json = new JsonObject { ["notes"] = "set DB_PASSWORD=\"Xy7(k9Lm2Qr8vZ\" then restart." }.ToJsonString();

        var result = SecretRedactor.RedactJson(json);

        Assert.Equal("set DB_PASSWORD=\"[REDACTED:secret-assignment]\" then restart.", JsonNode.Parse(result.Text)!["notes"]!.GetValue<string>());
        Assert.DoesNotContain("Qr8vZ", result.Text);
    }

    [Fact]
    public void RedactJson_ASecretNamedMemberWithARandomValue_LosesTheValueAndItsLookAlikesStay()
    {
        var json = """{ "password": "Xy7(k9Lm2Qr8vZ", "version": "1.2.3", "key_file": "config.json", "api_key": "$API_KEY", "items": ["a", "api_key"] }""";

        var result = SecretRedactor.RedactJson(json);

        Assert.Equal("""{ "password": "[REDACTED:secret-assignment]", "version": "1.2.3", "key_file": "config.json", "api_key": "$API_KEY", "items": ["a", "api_key"] }""", result.Text);
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public void RedactDocument_ChoosesJsonByTheFileName()
    {
        var text = "\"<private>a \\\" b</private>\"";

        Assert.Equal("\"[REDACTED:private]\"", SecretRedactor.RedactDocument("x/SESSION-00001-HANDOFF.json", text).Text);
        Assert.Equal(1, SecretRedactor.RedactDocument("x/SESSION-00001-HANDOFF.md", text).Total);
    }

    [Theory]
    [InlineData("changeme", 2.75)]
    [InlineData("aaaa", 0)]
    [InlineData("abcd", 2)]
    public void ShannonEntropy_OfKnownTexts(string text, double bits) =>
        Assert.Equal(bits, ShannonEntropy.Of(text), 2);

    // The characters of the line that the redaction removed (the longest run not in the result).
    private static string SecretPart(string line, string redacted)
    {
        var marker = redacted.IndexOf("[REDACTED:", StringComparison.Ordinal);
        var after = redacted[(redacted.IndexOf(']', marker) + 1)..];
        var end = after.Length == 0 ? line.Length : line.LastIndexOf(after, StringComparison.Ordinal);
        return line[marker..end];
    }

    private static List<string> CorpusLines(string file) =>
        [.. File.ReadAllLines(Path.Combine(Corpus, file)).Where(l => l.Length > 0 && !l.StartsWith('#'))];
}
