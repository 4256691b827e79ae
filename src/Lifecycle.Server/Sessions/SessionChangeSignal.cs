using Lifecycle.Workflows.Journal;

namespace Lifecycle.Server.Sessions;

/// <summary>Raised after this process commits session events (<see cref="EventWriter"/>), for the live session streams.</summary>
public sealed class SessionChangeSignal : CommitSignal;
