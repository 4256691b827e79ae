using Lifecycle.Workflows.Persistence;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lifecycle.Workflows.Tests.Persistence;

public class StoredTimeTests
{
    private static readonly DateTimeOffsetToBinaryConverter EfCore = new();

    public static TheoryData<DateTimeOffset> Times => new()
    {
        new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 24, 9, 0, 0, 123, TimeSpan.Zero).AddTicks(4567),
        new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.FromHours(5.5)),
        new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)),
        new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(14)),
        new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(-14)),
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.MinValue,
        new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero),
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void ToStored_IsTheIntegerEfCoreWrites(DateTimeOffset time) =>
        Assert.Equal((long)EfCore.ConvertToProvider(time)!, StoredTime.ToStored(time));

    [Theory]
    [MemberData(nameof(Times))]
    public void FromStored_IsTheTimeEfCoreReads(DateTimeOffset time)
    {
        var stored = StoredTime.ToStored(time);

        var expected = (DateTimeOffset)EfCore.ConvertFromProvider(stored)!;
        var actual = StoredTime.FromStored(stored);

        Assert.Equal(expected.Ticks, actual.Ticks);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    [Fact]
    public void ToStored_Null_IsNull() => Assert.Null(StoredTime.ToStored((DateTimeOffset?)null));
}
