namespace Lifecycle.Workflows;

/// <summary>The base of every error the engine reports to its caller.</summary>
public class WorkflowException(string message, Exception? inner = null) : Exception(message, inner);
