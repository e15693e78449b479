using VoiceForD365.Core.Enreach;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>The strict JSON reader Core carries for the sandbox (no System.Text.Json on net462).</summary>
public sealed class JsonTests
{
    [Fact]
    public void DocumentWithEveryKind_Should_ParseToTheSameValues()
    {
        var json = Json.Parse(" { \"a\" : [1, -2.5e3, 0, true, false, null, \"x\"], \"b\": {\"c\": {}} , \"d\": [] } ");

        Assert.Equal(JsonKind.Object, json.Kind);
        var a = json.Property("a")!.Items;
        Assert.Equal(7, a.Count);
        Assert.True(a[0].TryGetInt64(out var one) && one == 1);
        Assert.True(a[1].TryGetDouble(out var d) && d == -2500);
        Assert.Equal("-2.5e3", a[1].NumberLiteral);
        Assert.Equal(true, a[3].AsBoolean);
        Assert.Equal(false, a[4].AsBoolean);
        Assert.True(a[5].IsNull);
        Assert.Equal("x", a[6].AsString);
        Assert.Equal(JsonKind.Object, json.Property("b")!.Property("c")!.Kind);
        Assert.Empty(json.Property("d")!.Items);
    }

    [Fact]
    public void StringWithEveryEscape_Should_Unescape()
    {
        var json = Json.Parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e4\\u00C4 \\ud83d\\ude00 ä\"");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t äÄ 😀 ä", json.AsString);
    }

    [Fact]
    public void PropertyInAnotherCase_Should_BeFoundPreferringTheExactName()
    {
        var json = Json.Parse("{\"userName\":\"lower\",\"UserName\":\"exact\",\"ID\":\"1\"}");

        Assert.Equal("exact", json.Property("UserName")!.AsString);
        Assert.Equal("lower", json.Property("USERNAME")!.AsString);
        Assert.Equal("1", json.Property("Id")!.AsString);
        Assert.Null(json.Property("missing"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("[1 2]")]
    [InlineData("{\"a\" 1}")]
    [InlineData("{a:1}")]
    [InlineData("{'a':1}")]
    [InlineData("01")]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("+1")]
    [InlineData("tru")]
    [InlineData("nul")]
    [InlineData("True")]
    [InlineData("[1] x")]
    [InlineData("[1][2]")]
    [InlineData("\"abc")]
    [InlineData("\"\\x\"")]
    [InlineData("\"\\u12G4\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("\"a\tb\"")]
    [InlineData("[1, // comment\n 2]")]
    [InlineData("<html></html>")]
    [InlineData("[{\"Id\":")]
    public void InvalidJson_Should_ThrowJsonFormatException(string text)
    {
        Assert.Throws<JsonFormatException>(() => Json.Parse(text));
    }

    [Fact]
    public void NestingDeeperThanTheLimit_Should_ThrowInsteadOfOverflowingTheStack()
    {
        var ok = new string('[', Json.MaxDepth) + new string(']', Json.MaxDepth);
        var tooDeep = new string('[', Json.MaxDepth + 1) + new string(']', Json.MaxDepth + 1);

        Json.Parse(ok);
        Assert.Throws<JsonFormatException>(() => Json.Parse(tooDeep));
    }

    [Fact]
    public void QuotedString_Should_ParseBackToItself()
    {
        var original = "a\"b\\c\n\u0001 ä 😀";

        Assert.Equal(original, Json.Parse(Json.Quote(original)).AsString);
    }
}
