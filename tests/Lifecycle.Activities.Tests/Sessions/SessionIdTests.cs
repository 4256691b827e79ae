using Lifecycle.Activities.Sessions;

namespace Lifecycle.Activities.Tests.Sessions;

public class SessionIdTests
{
    [Theory]
    [InlineData("00001", "00002")]
    [InlineData("00099", "00100")]
    [InlineData("7", "00008")]
    public void Next_GivesTheFollowingFiveDigitId(string id, string next) => Assert.Equal(next, SessionId.Next(id));

    [Theory]
    [InlineData("SESSION-00014", "00014")]
    [InlineData("14", "00014")]
    public void Normalize_AcceptsTheUsualForms(string id, string normalized) => Assert.Equal(normalized, SessionId.Normalize(id));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("100000")]
    public void Parse_Nonsense_IsBadInput(string id)
    {
        var error = Assert.Throws<SessionException>(() => SessionId.Parse(id));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.Contains("ids look like 00001", error.Message);
    }

    [Fact]
    public void Next_AfterTheLastId_IsRefused() => Assert.Throws<SessionException>(() => SessionId.Next("99999"));
}
