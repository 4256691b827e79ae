using Lifecycle.Activities.Sessions;
using Lifecycle.Server.Reports;

namespace Lifecycle.Server.Sessions;

/// <summary>A session as a listing shows it: its record, and its figures once it is closed.</summary>
/// <param name="Session">The session's record.</param>
/// <param name="Figures">Its figures (score, commits, tasks...) when it is closed; null while it is open.</param>
public sealed record SessionListItem(SessionContext Session, SessionFigures? Figures);
