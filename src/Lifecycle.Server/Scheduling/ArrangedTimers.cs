using System.Collections.Concurrent;

namespace Lifecycle.Server.Scheduling;

/// <summary>
/// The timers this server has already given a trigger, so that the sweep asks Quartz only about
/// the ones it has not (created by a CLI): without it every sweep would touch Quartz's store once
/// per pending timer.
/// </summary>
/// <remarks>
/// A timer leaves the set when its trigger fired or was cancelled; if its bookmark is still stored
/// then (its job failed), the next sweep arranges it again.
/// </remarks>
internal sealed class ArrangedTimers
{
    private readonly ConcurrentDictionary<(string InstanceId, int BookmarkId), byte> _timers = new();

    public bool Contains(string instanceId, int bookmarkId) => _timers.ContainsKey((instanceId, bookmarkId));

    public void Add(string instanceId, int bookmarkId) => _timers.TryAdd((instanceId, bookmarkId), 0);

    public void Remove(string instanceId, int bookmarkId) => _timers.TryRemove((instanceId, bookmarkId), out _);
}
