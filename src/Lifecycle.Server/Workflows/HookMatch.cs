using Lifecycle.Workflows.Definitions;

namespace Lifecycle.Server.Workflows;

/// <summary>The workflow an <c>Http</c> trigger starts for a call, or the methods its path takes when the call's does not match.</summary>
/// <param name="Workflow">The workflow to run; null when the path is known but not with this method.</param>
/// <param name="AllowedMethods">Every method declared for the path, upper case.</param>
public sealed record HookMatch(WorkflowDefinition? Workflow, IReadOnlyList<string> AllowedMethods);
