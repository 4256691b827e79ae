using Lifecycle.Activities;

namespace Lifecycle.Server.Cli.Remote;

/// <summary>
/// An error the repository's server answered (Problem Details), as the session error it was
/// there: the same kind, so the same exit code, and the same message.
/// </summary>
/// <param name="message">The Problem Details' detail: the service's message.</param>
/// <param name="kind">The kind the server named (<c>kind</c>), or the one its status stands for.</param>
/// <param name="instanceId">The session workflow instance that stopped, when one did.</param>
public sealed class RemoteSessionException(string message, ErrorKind kind, string? instanceId = null) : SessionException(message, kind)
{
    public string? InstanceId { get; } = instanceId;
}
