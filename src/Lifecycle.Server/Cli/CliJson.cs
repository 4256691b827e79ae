using System.Text.Json;
using System.Text.Json.Serialization;
using Lifecycle.Workflows;

namespace Lifecycle.Server.Cli;

/// <summary>JSON settings of CLI documents: like the engine's, but nulls are written so every field of a contract is present.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(WorkflowJson.Indented)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The same on one line, for streams (JSON Lines).</summary>
    public static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };
}
