namespace Lifecycle.Fuzz.Targets;

/// <summary>The reader did not throw, but what it returned or reported breaks its contract.</summary>
internal sealed class OracleException(string message) : Exception(message);
