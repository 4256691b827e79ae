namespace Lifecycle.Workflows.Activities;

/// <summary>
/// An exception that says what kind of failure it is (a <see cref="FaultCodes"/> value), kept with
/// the fault when an activity throws it, so a host can tell a conflict or bad input from a crash
/// without the engine knowing the activity's own exception types.
/// </summary>
public interface IFaultCoded
{
    /// <summary>The kind of failure; null for a plain one.</summary>
    string? FaultCode { get; }
}
