namespace Lifecycle.Workflows.Activities;

/// <summary>Well-known fault codes.</summary>
public static class FaultCodes
{
    /// <summary>A protocol rule stopped the workflow; a user can override it (the CLI exits 3).</summary>
    public const string Blocked = "blocked";
}
