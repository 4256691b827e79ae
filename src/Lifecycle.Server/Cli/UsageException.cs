using Lifecycle.Workflows;

namespace Lifecycle.Server.Cli;

/// <summary>The user gave the CLI something it cannot use; the message says what to do instead. Exit 2.</summary>
public sealed class UsageException(string message) : WorkflowException(message);
