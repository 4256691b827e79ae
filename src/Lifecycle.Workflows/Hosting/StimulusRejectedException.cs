namespace Lifecycle.Workflows.Hosting;

/// <summary>A stimulus was refused before anything was resumed or started; the message says how to fix it.</summary>
public sealed class StimulusRejectedException(string message, Exception? inner = null) : WorkflowException(message, inner);
