using System.Text.Json;
using Lifecycle.Activities.Handoff;
using Lifecycle.Activities.Metrics;
using Lifecycle.Activities.State;

namespace Lifecycle.Activities.Sessions;

/// <summary>
/// Builds, ahead of need, the JSON metadata the session activities serialize with (the session,
/// its state file, the handoff, the metrics), which System.Text.Json otherwise builds by reflection
/// on a command's critical path the first time each type is written.
/// </summary>
/// <remarks>Safe on any thread at any time: it only fills the serializers' own caches.</remarks>
public static class SessionsWarmup
{
    public static void Run()
    {
        _ = SessionJson.Default.SessionContext;
        _ = JsonSerializer.SerializeToUtf8Bytes(new SessionContext { SessionId = "00000" }, StateFileOptions.DefaultSerializerOptions);
        _ = HandoffJson.Options.GetTypeInfo(typeof(Handoff.Handoff));
        _ = SessionJson.Default.ProductivityMetrics;
    }
}
