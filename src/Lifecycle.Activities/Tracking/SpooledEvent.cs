using System.Text.Json.Nodes;

namespace Lifecycle.Activities.Tracking;

/// <summary>An event a git hook left in the spool, ready to record in the active session.</summary>
/// <param name="Id">
/// The line's place (claimed file and byte offset): the same on every delivery of that line, so a
/// store may use it to skip a line it recorded before a crash kept the batch from completing.
/// </param>
/// <param name="Type"><see cref="Sessions.SessionEventTypes.GitCommit"/> (commits and merges) or <see cref="Sessions.SessionEventTypes.BranchSwitched"/>.</param>
/// <param name="Timestamp">When the hook ran.</param>
/// <param name="Details">
/// <c>hook</c>; <c>branch</c> unless HEAD was detached; for commits and merges <c>sha</c> and
/// <c>message</c> (the subject line; absent when the commit is gone); <c>squash</c> for merges;
/// <c>from</c> and <c>to</c> (commits) for branch switches; <c>rebase: true</c> for commits a rebase made.
/// </param>
public sealed record SpooledEvent(string Id, string Type, DateTimeOffset Timestamp, JsonObject Details);
