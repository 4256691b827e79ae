using System.Diagnostics;

namespace Lifecycle.Activities.Tests.Git.Signing;

/// <summary>
/// A real OpenPGP key in its own GNUPGHOME (no passphrase, for "Test User &lt;test@example.com&gt;",
/// TempRepository's identity) and a real SSH key, in a temp folder; the gpg-agent it starts is
/// stopped afterwards. <see cref="Gpg"/> is a wrapper for <c>gpg.program</c> that points gpg at that
/// home and logs the arguments it was called with.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SigningKeys : IDisposable
{
    public SigningKeys()
    {
        // Short: gpg-agent's socket path must fit in a sockaddr.
        Folder = Directory.CreateTempSubdirectory("gpg").FullName;
        Home = Path.Combine(Folder, "home");
        Directory.CreateDirectory(Home);
        File.SetUnixFileMode(Home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Run("gpg", "--homedir", Home, "--batch", "--passphrase", "", "--quick-gen-key", "Test User <test@example.com>", "ed25519", "sign", "never");
        Fingerprint = Run("gpg", "--homedir", Home, "--batch", "--with-colons", "--list-secret-keys").Split('\n')
            .First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
        Gpg = Path.Combine(Folder, "gpg.sh");
        Calls = Path.Combine(Folder, "calls.log");
        File.WriteAllText(Gpg, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{Calls}'\nexec gpg --homedir '{Home}' \"$@\"\n");
        File.SetUnixFileMode(Gpg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        SshKey = Path.Combine(Folder, "id_ed25519");
        Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test@example.com", "-f", SshKey);
        AllowedSigners = Path.Combine(Folder, "allowed_signers");
        File.WriteAllText(AllowedSigners, "test@example.com " + File.ReadAllText(SshKey + ".pub"));
    }

    public string Folder { get; }

    public string Home { get; }

    public string Fingerprint { get; }

    public string Gpg { get; }

    /// <summary>The wrapper's log: one line of arguments per call.</summary>
    public string Calls { get; }

    public string SshKey { get; }

    public string AllowedSigners { get; }

    /// <summary>Runs a program; fails the test (saying what to install) when it is missing or fails.</summary>
    public static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"'{program}' is needed by the signing tests (Debian: apt-get install gnupg openssh-client): {error.Message}", error);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }
    }

    public void Dispose()
    {
        try
        {
            Run("gpgconf", "--homedir", Home, "--kill", "gpg-agent");
        }
        catch (InvalidOperationException)
        {
            // No agent was started.
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
