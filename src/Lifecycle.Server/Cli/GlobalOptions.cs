using System.CommandLine;

namespace Lifecycle.Server.Cli;

/// <summary>The options every command takes.</summary>
public static class GlobalOptions
{
    public static readonly Option<string?> Repo = new("--repo")
    {
        Description = "The repository folder (default: found upward from the current folder, like git)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout instead of text",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces of unexpected errors",
        Recursive = true,
    };
}
