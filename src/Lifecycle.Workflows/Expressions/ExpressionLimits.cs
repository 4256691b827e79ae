namespace Lifecycle.Workflows.Expressions;

/// <summary>Bounds on every JavaScript evaluation, so a bad expression faults instead of hanging.</summary>
public sealed class ExpressionLimits
{
    /// <summary>Wall time one evaluation may take. Default 2 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute. Default 100,000.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Call depth one evaluation may reach. Default 256.</summary>
    public int MaxRecursion { get; init; } = 256;
}
