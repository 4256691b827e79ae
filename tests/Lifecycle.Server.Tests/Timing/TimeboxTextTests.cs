using Lifecycle.Activities;
using Lifecycle.Server.Timing;

namespace Lifecycle.Server.Tests.Timing;

/// <summary>The forms <c>start --timebox</c> accepts, and the ones it refuses with the accepted forms named.</summary>
public sealed class TimeboxTextTests
{
    [Theory]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("1h30", 90)]
    [InlineData("2h", 120)]
    [InlineData("45", 45)]
    [InlineData("45min", 45)]
    [InlineData(" 1H 15M ", 75)]
    [InlineData("12h", 720)]
    [InlineData("1", 1)]
    public void ParseMinutes_AcceptedForm_GivesTheMinutes(string text, int minutes) =>
        Assert.Equal(minutes, TimeboxText.ParseMinutes(text));

    [Theory]
    [InlineData("0")]
    [InlineData("0m")]
    [InlineData("0h0m")]
    [InlineData("-5")]
    [InlineData("-1h")]
    [InlineData("13h")]
    [InlineData("721")]
    [InlineData("99999h")]
    [InlineData("90x")]
    [InlineData("1.5h")]
    [InlineData("h")]
    [InlineData("m")]
    [InlineData("")]
    [InlineData("ninety")]
    [InlineData("30m1h")]
    public void ParseMinutes_ZeroNegativeAbsurdOrTypo_IsInvalidInputNamingTheForms(string text)
    {
        var error = Assert.Throws<SessionException>(() => TimeboxText.ParseMinutes(text));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Equal($"--timebox takes {TimeboxText.Forms}; got '{text}'.", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(721)]
    public void Check_MinutesOutOfRange_IsInvalidInput(int minutes) =>
        Assert.Equal(ErrorKind.InvalidInput, Assert.Throws<SessionException>(() => TimeboxText.Check(minutes)).Kind);
}
