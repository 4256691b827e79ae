namespace Lifecycle.Workflows.Definitions;

/// <summary>
/// Something that starts a new instance of a workflow: an <c>Event</c> stimulus, a <c>Cron</c>
/// schedule (Quartz syntax) or an <c>Http</c> call.
/// </summary>
public sealed record TriggerDefinition(string Type, string? Event = null, string? Cron = null, string? Method = null, string? Path = null)
{
    /// <summary>The trigger types a definition may declare, with their required fields.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Types = new Dictionary<string, string[]>
    {
        ["Event"] = ["event"],
        ["Cron"] = ["cron"],
        ["Http"] = ["method", "path"],
    };
}
