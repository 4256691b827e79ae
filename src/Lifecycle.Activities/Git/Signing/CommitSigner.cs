using LibGit2Sharp;

namespace Lifecycle.Activities.Git.Signing;

/// <summary>
/// Signs commits as git does when <c>commit.gpgsign</c> is true: the format from <c>gpg.format</c>
/// (openpgp, x509, ssh), the program from <c>gpg.program</c> / <c>gpg.&lt;format&gt;.program</c>,
/// the key from <c>user.signingkey</c> (for OpenPGP and X.509 the committer's
/// <c>Name &lt;email&gt;</c> when unset; for SSH <c>gpg.ssh.defaultKeyCommand</c>'s first key).
/// </summary>
/// <remarks>
/// OpenPGP and X.509 run <c>&lt;program&gt; --status-fd=2 -bsau &lt;key&gt;</c> with the commit on
/// stdin and take the signature from stdout when stderr reports <c>[GNUPG:] SIG_CREATED</c>; SSH runs
/// <c>ssh-keygen -Y sign -n git -f &lt;key file&gt; [-U] &lt;file&gt;</c> (a literal <c>key::</c> key
/// is written to a private temporary file and signed through the agent) and reads
/// <c>&lt;file&gt;.sig</c>; carriage returns are dropped, as git does.
/// </remarks>
internal sealed class CommitSigner
{
    /// <summary>Long enough to type a passphrase; a program waiting for one nobody can type fails then.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _format;
    private readonly string _program;
    private readonly string _key;
    private readonly string _workingDirectory;
    private readonly TimeProvider _time;

    private CommitSigner(string format, string program, string key, string workingDirectory, TimeProvider time)
    {
        _format = format;
        _program = program;
        _key = key;
        _workingDirectory = workingDirectory;
        _time = time;
    }

    /// <summary>A signature, or why there is none (one clause, no full stop).</summary>
    public sealed record Outcome(string? Signature, string? Problem);

    /// <summary>
    /// The signer the repository's configuration asks for; null when <c>commit.gpgsign</c> is not
    /// true. A configuration that cannot sign (an unknown format, no SSH key) gives a signer whose
    /// <see cref="Sign"/> says why.
    /// </summary>
    public static CommitSigner? For(GitContext git, Signature committer)
    {
        var config = git.Repo.Config;
        if (!Flag(config, "commit.gpgsign"))
        {
            return null;
        }

        var format = Text(config, "gpg.format") ?? "openpgp";
        var program = format switch
        {
            "openpgp" => Text(config, "gpg.openpgp.program") ?? Text(config, "gpg.program") ?? "gpg",
            "x509" => Text(config, "gpg.x509.program") ?? "gpgsm",
            "ssh" => Text(config, "gpg.ssh.program") ?? "ssh-keygen",
            _ => "",
        };
        var key = Text(config, "user.signingkey")
            ?? (format == "ssh" ? DefaultSshKey(Text(config, "gpg.ssh.defaultKeyCommand"), git) : $"{committer.Name} <{committer.Email}>");
        return new CommitSigner(format, ExpandHome(program), key, git.Root, git.Time);
    }

    /// <summary>Signs the commit's raw content (as <see cref="Commit.CreateBuffer"/> makes it).</summary>
    public Outcome Sign(string content)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(content);
        return _format switch
        {
            "openpgp" or "x509" => SignWithGpg(bytes),
            "ssh" => SignWithSsh(bytes),
            _ => new Outcome(null, $"gpg.format '{_format}' is not one git knows (openpgp, x509, ssh)"),
        };
    }

    private Outcome SignWithGpg(byte[] content)
    {
        var run = SigningProgram.Run(_program, ["--status-fd=2", "-bsau", _key], content, _workingDirectory, Timeout, _time);
        if (run.Problem is { } problem)
        {
            return new Outcome(null, problem);
        }

        var created = run.Errors.Split('\n').Any(line => line.StartsWith("[GNUPG:] SIG_CREATED ", StringComparison.Ordinal));
        if (run.ExitCode != 0 || !created || run.Output.Length == 0)
        {
            return new Outcome(null, $"{Path.GetFileName(_program)} could not sign with key '{_key}': {LastMessage(run.Errors) ?? $"exit code {run.ExitCode}"}");
        }

        return new Outcome(WithoutCarriageReturns(run.Output), null);
    }

    private Outcome SignWithSsh(byte[] content)
    {
        if (_key.Length == 0)
        {
            return new Outcome(null, "no SSH key to sign with: set user.signingkey (a key file, or 'key::' and a public key) or gpg.ssh.defaultKeyCommand");
        }

        var folder = Directory.CreateTempSubdirectory("lifecycle-sign-");
        try
        {
            var literal = _key.StartsWith("key::", StringComparison.Ordinal) ? _key[5..]
                : _key.StartsWith("ssh-", StringComparison.Ordinal) ? _key
                : null;
            var keyFile = ExpandHome(_key);
            if (literal is not null)
            {
                keyFile = Path.Combine(folder.FullName, "signing-key.pub");
                File.WriteAllText(keyFile, literal + "\n");
            }

            var buffer = Path.Combine(folder.FullName, "commit");
            File.WriteAllBytes(buffer, content);
            List<string> arguments = ["-Y", "sign", "-n", "git", "-f", keyFile];
            if (literal is not null)
            {
                arguments.Add("-U");
            }

            arguments.Add(buffer);
            var run = SigningProgram.Run(_program, arguments, null, _workingDirectory, Timeout, _time);
            if (run.Problem is { } problem)
            {
                return new Outcome(null, problem);
            }

            var signature = buffer + ".sig";
            if (run.ExitCode != 0 || !File.Exists(signature))
            {
                var reason = run.Errors.Contains("usage:", StringComparison.Ordinal)
                    ? "ssh-keygen -Y sign is needed for SSH signing (OpenSSH 8.2p1 or later)"
                    : LastMessage(run.Errors) ?? $"exit code {run.ExitCode}";
                return new Outcome(null, $"{Path.GetFileName(_program)} could not sign with '{(literal is null ? _key : "the key in user.signingkey")}': {reason}");
            }

            return new Outcome(WithoutCarriageReturns(File.ReadAllBytes(signature)), null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The first key <c>gpg.ssh.defaultKeyCommand</c> prints (a literal key), as git takes it; ""
    /// when there is no command or it gives none. The command is split on spaces, without a shell.
    /// </summary>
    private static string DefaultSshKey(string? command, GitContext git)
    {
        var words = command?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not { Length: > 0 })
        {
            return "";
        }

        var run = SigningProgram.Run(ExpandHome(words[0]), words[1..], null, git.Root, Timeout, git.Time);
        var first = System.Text.Encoding.UTF8.GetString(run.Output).Split('\n').FirstOrDefault()?.Trim() ?? "";
        return run.ExitCode == 0 && (first.StartsWith("key::", StringComparison.Ordinal) || first.StartsWith("ssh-", StringComparison.Ordinal)) ? first : "";
    }

    /// <summary>The last line a program wrote for people (not a <c>[GNUPG:]</c> status line), without its program prefix.</summary>
    private static string? LastMessage(string errors)
    {
        var line = errors.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0 && !l.StartsWith("[GNUPG:]", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !line[..colon].Contains(' ') ? line[(colon + 2)..] : line;
    }

    private static string WithoutCarriageReturns(byte[] signature) => System.Text.Encoding.UTF8.GetString(signature).Replace("\r", "");

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path;

    private static string? Text(LibGit2Sharp.Configuration config, string key)
    {
        try
        {
            return config.Get<string>(key)?.Value is { Length: > 0 } value ? value : null;
        }
        catch (LibGit2SharpException)
        {
            return null;
        }
    }

    private static bool Flag(LibGit2Sharp.Configuration config, string key)
    {
        try
        {
            return config.Get<bool>(key)?.Value ?? false;
        }
        catch (LibGit2SharpException)
        {
            // Not a boolean git accepts: git would refuse to commit; the docs commit goes unsigned.
            return false;
        }
    }
}
