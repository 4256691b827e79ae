namespace Lifecycle.Workflows.History;

/// <summary>What a bulk cancel or delete did: the instances it changed and the ones it left, with why.</summary>
public sealed record BulkResult(IReadOnlyList<string> Done, IReadOnlyList<BulkRefusal> Refused);

/// <summary>An instance a bulk operation left as it was, and why (the same sentence the single operation answers).</summary>
public sealed record BulkRefusal(string InstanceId, string Reason);
