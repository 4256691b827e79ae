using System.Text;
using LibGit2Sharp;

namespace Lifecycle.Server.Demo;

/// <summary>
/// The demo's throwaway project, a small C# greeter: a <c>.gitattributes</c> that normalizes line
/// endings (one script kept CRLF), a binary logo, an executable build script, a TODO, and three
/// commits of history. Its git identity is set in its own <c>.git/config</c>, so the demo works on
/// a machine with no global git configuration; git is driven through LibGit2Sharp, like the rest
/// of Lifecycle, so no git executable is needed either.
/// </summary>
public sealed class DemoRepository
{
    /// <summary>The author of every commit in the demo repository.</summary>
    public const string UserName = "Ada Demo";

    /// <summary>Her address (the reserved <c>.invalid</c> domain: nothing is ever sent there).</summary>
    public const string UserEmail = "ada@demo.invalid";

    /// <summary>The branch the history is on.</summary>
    public const string Branch = "main";

    /// <summary>The smallest valid PNG (one transparent pixel): a binary file as real repositories have.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly TimeProvider _time;

    private DemoRepository(string root, TimeProvider time)
    {
        Root = root;
        _time = time;
    }

    /// <summary>The working tree's root.</summary>
    public string Root { get; }

    /// <summary>The files of the first three commits, as the demo describes them.</summary>
    public static IReadOnlyList<string> InitialFiles { get; } =
        [".gitattributes", ".gitignore", "README.md", "src/Greetings.cs", "tests/GreetingsTests.cs", "build.sh", "build.cmd", "docs/logo.png"];

    /// <summary>Makes the repository in the empty folder <paramref name="root"/>, with its history dated over the last three days.</summary>
    public static DemoRepository Create(string root, TimeProvider time)
    {
        var gitFolder = Repository.Init(root);

        // libgit2 names the first branch after init.defaultBranch or 'master'; the demo says main
        // whatever the machine's configuration, and HEAD can only point at a branch not yet born
        // by writing the file itself.
        File.WriteAllText(Path.Combine(gitFolder, "HEAD"), $"ref: refs/heads/{Branch}\n");
        using (var repo = new Repository(root))
        {
            repo.Config.Set("user.name", UserName, ConfigurationLevel.Local);
            repo.Config.Set("user.email", UserEmail, ConfigurationLevel.Local);
        }

        var demo = new DemoRepository(root, time);
        var now = time.GetLocalNow();
        demo.Write(".gitattributes", "* text=auto eol=lf\n*.cmd text eol=crlf\n*.png binary\n");
        demo.Write(".gitignore", "bin/\nobj/\n");
        demo.Write("README.md", "# Greeter\n\nSays hello. Build and test with `./build.sh` (or `build.cmd` on Windows).\n");
        demo.Commit("Start the greeter: README, attributes, ignores", now.AddDays(-3));

        demo.Write("src/Greetings.cs", Greetings);
        demo.Write("tests/GreetingsTests.cs", GreetingsTests);
        demo.Commit("Greetings.Hello says hello by name, with a test", now.AddDays(-2));

        demo.Write("build.sh", "#!/bin/sh\nset -e\ndotnet test\n", executable: true);
        demo.Write("build.cmd", "@echo off\r\ndotnet test\r\n");
        demo.Write("docs/logo.png", Logo);
        demo.Commit("Build scripts and the logo", now.AddDays(-1));
        return demo;
    }

    /// <summary>The first version of the library, with a TODO the session's debt count sees.</summary>
    private const string Greetings = """
        namespace Greeter;

        public static class Greetings
        {
            // TODO: greet in other languages
            public static string Hello(string name) => $"Hello, {name}!";
        }

        """;

    private const string GreetingsTests = """
        namespace Greeter.Tests;

        public class GreetingsTests
        {
            [Fact]
            public void Hello_Name_SaysHelloByName() => Assert.Equal("Hello, Ada!", Greetings.Hello("Ada"));
        }

        """;

    /// <summary>Writes a text file (UTF-8, its line endings as given), creating its folder.</summary>
    public void Write(string path, string text, bool executable = false) =>
        Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), executable);

    /// <summary>Writes a file, creating its folder.</summary>
    public void Write(string path, byte[] content, bool executable = false)
    {
        var file = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, File.GetUnixFileMode(file) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>Commits everything in the work tree now, as the demo's author; returns the commit's id.</summary>
    public string Commit(string message) => Commit(message, _time.GetLocalNow());

    /// <summary>HEAD's commit: its short id and the first line of its message.</summary>
    public (string Sha, string Subject) Head()
    {
        using var repo = new Repository(Root);
        var head = repo.Head.Tip;
        return (head.Sha[..7], head.MessageShort);
    }

    /// <summary>The file's text as it is in the work tree, or null when it does not exist.</summary>
    public string? Read(string path) => File.Exists(Full(path)) ? File.ReadAllText(Full(path)) : null;

    private string Commit(string message, DateTimeOffset when)
    {
        using var repo = new Repository(Root);
        Commands.Stage(repo, "*");
        var signature = new Signature(UserName, UserEmail, when);
        return repo.Commit(message, signature, signature).Sha;
    }

    private string Full(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
}
