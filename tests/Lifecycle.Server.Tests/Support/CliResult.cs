using System.Text.Json.Nodes;

namespace Lifecycle.Server.Tests.Support;

/// <summary>What one run of the real <c>lifecycle</c> binary printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidOperationException($"stdout is not JSON: {Stdout}");

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
