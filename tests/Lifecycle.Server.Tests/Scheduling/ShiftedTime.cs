namespace Lifecycle.Server.Tests.Scheduling;

/// <summary>The system clock moved by <paramref name="shift"/> (timers and delays still run in real time): time passing without waiting for it.</summary>
internal sealed class ShiftedTime(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
