using Lifecycle.Activities.Tests.Git.Activities;

namespace Lifecycle.Activities.Tests.Git.Signing;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CommitSessionDocsSigningTests : IClassFixture<SigningKeysFixture>
{
    private const string Commit = """{ "id": "docs", "type": "CommitSessionDocs", "session": "00003" }""";

    private readonly SigningKeys _keys;

    public CommitSessionDocsSigningTests(SigningKeysFixture fixture) => _keys = fixture.Keys;

    [Fact]
    public async Task CommitSessionDocs_InASignedRepository_OutputsSigned()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Git("config", "commit.gpgsign", "true");
        test.Repository.Git("config", "gpg.program", _keys.Gpg);
        await test.AddSessionAsync("00003");
        test.Repository.Write("docs/sessions/SESSION-00003-LOG.md", "# log\n");

        var outputs = await test.RunAsync(Commit);

        Assert.True((bool)outputs["docs"]!["signed"]!);
        Assert.Null(outputs["docs"]!["signingProblem"]);
        test.Repository.Git("verify-commit", (string)outputs["docs"]!["sha"]!);
    }

    [Fact]
    public async Task CommitSessionDocs_WhenSigningFails_CommitsUnsigned_AndOutputsTheProblem()
    {
        await using var test = await GitActivityHarness.StartAsync();
        test.Repository.Git("config", "commit.gpgsign", "true");
        test.Repository.Git("config", "gpg.program", _keys.Gpg);
        test.Repository.Git("config", "user.signingkey", "nobody@example.com");
        await test.AddSessionAsync("00003");
        test.Repository.Write("docs/sessions/SESSION-00003-LOG.md", "# log\n");

        var outputs = await test.RunAsync(Commit);

        Assert.Equal(test.Head(), (string?)outputs["docs"]!["sha"]);
        Assert.False((bool)outputs["docs"]!["signed"]!);
        Assert.Equal("gpg.sh could not sign with key 'nobody@example.com': signing failed: No secret key", (string?)outputs["docs"]!["signingProblem"]);
    }

    [Fact]
    public async Task CommitSessionDocs_WithoutSigning_OutputsUnsignedAndNoProblem()
    {
        await using var test = await GitActivityHarness.StartAsync();
        await test.AddSessionAsync("00003");
        test.Repository.Write("docs/sessions/SESSION-00003-LOG.md", "# log\n");

        var outputs = await test.RunAsync(Commit);

        Assert.NotNull((string?)outputs["docs"]!["sha"]);
        Assert.False((bool)outputs["docs"]!["signed"]!);
        Assert.Null(outputs["docs"]!["signingProblem"]);
    }
}
