using VoiceForD365.Core.Enreach;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

public sealed class EnreachUserDirectoryTests
{
    private static readonly EnreachUser One = new(Guid.NewGuid(), "Agent.One@Contoso.test");
    private static readonly EnreachUser Two = new(Guid.NewGuid(), "agent.two@contoso.test");
    private static readonly EnreachUser TwoAgain = new(Guid.NewGuid(), "AGENT.TWO@contoso.test");

    [Fact]
    public void EmailDifferingInCaseAndSpaces_Should_BeFound()
    {
        var match = new EnreachUserDirectory([One, Two]).Find(" agent.one@contoso.TEST");

        Assert.Equal(EnreachUserMatchOutcome.Found, match.Outcome);
        Assert.Same(One, match.User);
    }

    [Fact]
    public void EmailOfTwoEnreachUsers_Should_BeAmbiguousWithBothCandidates()
    {
        var match = new EnreachUserDirectory([One, Two, TwoAgain]).Find("agent.two@contoso.test");

        Assert.Equal(EnreachUserMatchOutcome.Ambiguous, match.Outcome);
        Assert.Null(match.User);
        Assert.Equal([Two.Id, TwoAgain.Id], match.Candidates.Select(c => c.Id));
    }

    [Fact]
    public void SameUserListedTwice_Should_NotBeAmbiguous()
    {
        var match = new EnreachUserDirectory([One, One]).Find(One.UserName);

        Assert.Equal(EnreachUserMatchOutcome.Found, match.Outcome);
    }

    [Fact]
    public void UnknownEmail_Should_BeNotFound()
    {
        var match = new EnreachUserDirectory([One]).Find("someone@contoso.test");

        Assert.Equal(EnreachUserMatchOutcome.NotFound, match.Outcome);
        Assert.Empty(match.Candidates);
    }

    [Fact]
    public void EmptyEmail_Should_BeNoEmail()
    {
        Assert.Equal(EnreachUserMatchOutcome.NoEmail, new EnreachUserDirectory([One]).Find("  ").Outcome);
        Assert.Equal(EnreachUserMatchOutcome.NoEmail, new EnreachUserDirectory([One]).Find(null).Outcome);
    }
}
