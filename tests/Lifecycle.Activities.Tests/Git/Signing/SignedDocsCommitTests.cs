using Lifecycle.Activities.Git;
using Lifecycle.Activities.Tests.Support;

namespace Lifecycle.Activities.Tests.Git.Signing;

/// <summary>The docs commit in a repository with <c>commit.gpgsign</c>: signed as git signs, or made unsigned with the reason.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SignedDocsCommitTests : IClassFixture<SigningKeysFixture>
{
    private readonly SigningKeys _keys;

    public SignedDocsCommitTests(SigningKeysFixture fixture) => _keys = fixture.Keys;

    [Fact]
    public void CommitPaths_WithCommitGpgsign_SignsWithTheCommittersKey_CallingGpgAsGitDoes()
    {
        using var repo = Repository(("gpg.program", _keys.Gpg));
        File.Delete(_keys.Calls);

        var result = Commit(repo);
        var calls = File.ReadAllText(_keys.Calls);

        Assert.True(result.Signed, result.SigningProblem);
        Assert.Null(result.SigningProblem);
        Assert.Equal("--status-fd=2 -bsau Test User <test@example.com>\n", calls);
        repo.Git("verify-commit", result.Sha!);
        Assert.Contains("Good signature from \"Test User <test@example.com>\"", repo.Git("log", "-1", "--show-signature", "--format=%H", result.Sha!));

        // git's own signed commit calls gpg the same way.
        File.Delete(_keys.Calls);
        repo.Write("docs/b.md", "b\n");
        repo.Git("add", "docs/b.md");
        repo.Git("commit", "-q", "-m", "by git");
        Assert.Equal(calls, File.ReadAllText(_keys.Calls));
    }

    [Fact]
    public void CommitPaths_WithUserSigningkey_SignsWithThatKey()
    {
        using var repo = Repository(("gpg.program", _keys.Gpg), ("user.signingkey", _keys.Fingerprint), ("gpg.format", "openpgp"));

        var result = Commit(repo);

        Assert.True(result.Signed, result.SigningProblem);
        Assert.Contains(_keys.Fingerprint, repo.Git("log", "-1", "--show-signature", "--format=%H", result.Sha!));
    }

    [Fact]
    public void CommitPaths_WhenGpgHasNoSuchKey_CommitsUnsigned_AndSaysWhyOnOneLine()
    {
        using var repo = Repository(("gpg.program", _keys.Gpg), ("user.signingkey", "nobody@example.com"));

        var result = Commit(repo);

        Assert.False(result.Signed);
        Assert.NotNull(result.Sha);
        Assert.Equal(result.Sha, repo.Git("rev-parse", "HEAD").Trim());
        Assert.Equal("gpg.sh could not sign with key 'nobody@example.com': signing failed: No secret key", result.SigningProblem);
        Assert.Throws<InvalidOperationException>(() => repo.Git("verify-commit", result.Sha!));
        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void CommitPaths_WhenTheSigningProgramIsMissing_CommitsUnsigned_AndSaysWhy()
    {
        using var repo = Repository(("gpg.program", "/nonexistent/gpg"));

        var result = Commit(repo);

        Assert.False(result.Signed);
        Assert.NotNull(result.Sha);
        Assert.StartsWith("'/nonexistent/gpg' could not be started", result.SigningProblem);
        Assert.DoesNotContain('\n', result.SigningProblem!);
    }

    [Fact]
    public void CommitPaths_WithAnSshKey_SignsAsGitVerifyCommitAccepts()
    {
        using var repo = Repository(("gpg.format", "ssh"), ("user.signingkey", _keys.SshKey), ("gpg.ssh.allowedSignersFile", _keys.AllowedSigners));

        var result = Commit(repo);

        Assert.True(result.Signed, result.SigningProblem);
        repo.Git("verify-commit", result.Sha!);
        Assert.Contains("Good \"git\" signature for test@example.com", repo.Git("log", "-1", "--show-signature", "--format=%H", result.Sha!));
    }

    [Fact]
    public void CommitPaths_WithSshAndNoKey_CommitsUnsigned_AndSaysWhatToSet()
    {
        using var repo = Repository(("gpg.format", "ssh"));

        var result = Commit(repo);

        Assert.False(result.Signed);
        Assert.NotNull(result.Sha);
        Assert.StartsWith("no SSH key to sign with: set user.signingkey", result.SigningProblem);
    }

    [Fact]
    public void CommitPaths_WithoutCommitGpgsign_DoesNotSign_AndReportsNoProblem()
    {
        using var repo = Repository(("gpg.program", "/nonexistent/gpg"), ("commit.gpgsign", "false"));

        var result = Commit(repo);

        Assert.NotNull(result.Sha);
        Assert.False(result.Signed);
        Assert.Null(result.SigningProblem);
    }

    private static TempRepository Repository(params (string Key, string Value)[] config)
    {
        var repo = new TempRepository();
        repo.Write("a.txt", "a\n");
        repo.CommitAll("initial");
        repo.Git("config", "commit.gpgsign", "true");
        foreach (var (key, value) in config)
        {
            repo.Git("config", key, value);
        }

        return repo;
    }

    private static DocsCommitResult Commit(TempRepository repo)
    {
        repo.Write("docs/a.md", "session notes\n");
        using var workspace = GitWorkspace.Open(repo.Path);
        return workspace.DocsCommit.CommitPaths(["docs/a.md"], "docs: session 00001 documents");
    }
}

/// <summary>One set of keys for the class: making a key takes a moment and starts an agent.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeysFixture : IDisposable
{
    public SigningKeys Keys { get; } = new();

    public void Dispose() => Keys.Dispose();
}
