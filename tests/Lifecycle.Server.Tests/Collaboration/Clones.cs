using Lifecycle.Server.Tests.Support;

namespace Lifecycle.Server.Tests.Collaboration;

/// <summary>A bare origin and clones of it, each with its own git identity and a CLI runner, as two people (or agents) share a repository.</summary>
internal sealed class Clones : IDisposable
{
    private readonly TempFolder _root = new();

    public Clones()
    {
        Origin = Path.Combine(_root.Path, "origin.git");
        var seed = Path.Combine(_root.Path, "seed");
        Directory.CreateDirectory(seed);
        Git.Init(seed);
        File.WriteAllText(Path.Combine(seed, "shared.cs"), "class Shared {}\n");
        Directory.CreateDirectory(Path.Combine(seed, "src"));
        File.WriteAllText(Path.Combine(seed, "src", "Parser.cs"), "class Parser {}\n");
        Git.Run(seed, "add", "-A");
        Git.Run(seed, "commit", "-q", "-m", "seed");
        Git.Run(_root.Path, "clone", "-q", "--bare", seed, Origin);
    }

    public string Origin { get; }

    /// <summary>A clone of the origin in its own folder, committing as <paramref name="name"/>, with the session test configuration.</summary>
    public (string Folder, CliRunner Cli) Clone(string folder, string name, string email)
    {
        var path = Path.Combine(_root.Path, folder);
        Git.Run(_root.Path, "clone", "-q", Origin, path);
        Git.Run(path, "config", "user.name", name);
        Git.Run(path, "config", "user.email", email);
        Directory.CreateDirectory(Path.Combine(path, ".lifecycle"));
        File.WriteAllText(Path.Combine(path, ".lifecycle", "config.json"), SessionRepositories.Config);
        return (path, AsPerson(new CliRunner(path)));
    }

    /// <summary>The runner with every agent variable blanked, so the test sees a person whatever environment it runs in.</summary>
    public static CliRunner AsPerson(CliRunner cli)
    {
        foreach (var variable in new[] { "LIFECYCLE_AGENT", "CLAUDECODE", "GEMINI_CLI", "CODEX_SANDBOX", "CODEX_SANDBOX_NETWORK_DISABLED" })
        {
            cli.Environment[variable] = "";
        }

        return cli;
    }

    public void Dispose() => _root.Dispose();
}
