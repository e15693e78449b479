using VoiceForD365.Core.Numbers;
using Xunit;

namespace VoiceForD365.Tests.Numbers;

/// <summary>Normalisation, keys and the comparison rule of the configuration guide (section 1.6.1), as the matcher and smart routing use them.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+358 50 454 5640", "358504545640", true)]
    [InlineData("00358504545640", "358504545640", true)]
    [InlineData("+358 (0)50 454 5640", "358504545640", true)]
    [InlineData("050-454 5640", "0504545640", false)]
    [InlineData("Tel: +1 (425) 555-0100 ext. 12", "14255550100", true)]
    [InlineData("+1 425 555 0100;ext=12", "14255550100", true)]
    [InlineData("12345", "12345", false)]
    public void Parse_Should_KeepTheDigitsAndTellInternationalNumbers(string text, string digits, bool international)
    {
        var number = PhoneNumber.Parse(text)!;

        Assert.Equal(digits, number.Digits);
        Assert.Equal(international, number.IsInternational);
        Assert.Equal(digits, PhoneNumber.Normalize(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("unknown")]
    [InlineData("+ -")]
    public void TextWithoutDigits_Should_HaveNoNumberAndNoKey(string? text)
    {
        Assert.Null(PhoneNumber.Parse(text));
        Assert.Equal("", PhoneNumber.Normalize(text));
        Assert.Null(PhoneNumber.KeyOf(text));
    }

    [Fact]
    public void EverySpellingOfOneNumber_Should_ShareTheKeyOfItsLastSevenDigits()
    {
        var spellings = new[] { "+358504545640", "00358 50 454 5640", "050 454 5640", "(050) 4545-640", "+358 (0)50 4545640" };

        Assert.All(spellings, s => Assert.Equal("4545640", PhoneNumber.KeyOf(s)));
    }

    [Fact]
    public void NumberUnderSevenDigits_Should_BeItsOwnKey() => Assert.Equal("12345", PhoneNumber.KeyOf("123 45"));

    [Theory]
    [InlineData("+358504545640", "+358 50 454 5640", 0, true)]
    [InlineData("+358504545640", "00358504545640", 0, true)]
    [InlineData("+358504545640", "050 454 5640", 0, false)]
    [InlineData("+358504545640", "050 454 5640", 4, true)]
    [InlineData("+358504545640", "+358 50 454 5640", 4, true)]
    [InlineData("+358504545640", "040 454 5640", 4, false)]
    [InlineData("+46812345678", "08-123 456 78", 3, true)]
    [InlineData("0504545640", "050 454 5640", 4, true)]
    [InlineData("12345", "12345", 4, true)]
    [InlineData("12345", "912345", 4, false)]
    public void Matches_Should_ApplyExactOrCutAndContains(string caller, string stored, int numbersToCut, bool matches) =>
        Assert.Equal(matches, PhoneNumber.Parse(caller)!.Matches(PhoneNumber.Parse(stored)!, numbersToCut));
}
