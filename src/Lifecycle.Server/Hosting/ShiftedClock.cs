namespace Lifecycle.Server.Hosting;

/// <summary>The system clock moved by a fixed amount (see <see cref="LifecycleServices.ClockShiftVariable"/>).</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
