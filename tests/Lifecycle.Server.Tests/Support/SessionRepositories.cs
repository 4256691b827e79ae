namespace Lifecycle.Server.Tests.Support;

/// <summary>Git repositories set up for session commands.</summary>
internal static class SessionRepositories
{
    /// <summary>The configuration session tests run with: the disk-space check off, so a full CI disk does not block starts.</summary>
    public const string Config = """{ "realityChecks": { "builtins": { "diskSpace": { "enabled": false } } } }""";

    /// <summary>A git repository in <paramref name="folder"/> with <see cref="Config"/>, and a runner of the real CLI there.</summary>
    public static CliRunner Prepare(TempFolder folder)
    {
        Git.Init(folder.Path);
        folder.Write(".lifecycle/config.json", Config);
        return new CliRunner(folder.Path);
    }
}
