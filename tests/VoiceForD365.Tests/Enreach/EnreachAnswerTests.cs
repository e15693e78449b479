using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>
/// How the client reads Enreach's answers: the JSON itself (escapes, casing, nesting, broken text) and the precise
/// error for each answer it cannot use. Each answer is put in front of the client by the emulator, over HTTP.
/// </summary>
public sealed class EnreachAnswerTests
{
    private static readonly Guid Id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");

    private static async Task<IReadOnlyList<EnreachUser>> UsersFromAnswer(string body)
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer(body, only: EnreachEmulatorEndpoint.Users);
        return rig.Client().GetUsers();
    }

    private static async Task<EnreachMalformedResponseException> MalformedUsersAnswer(string body)
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer(body, only: EnreachEmulatorEndpoint.Users);
        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetUsers());
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
        return e;
    }

    // ------------------------------------------------------------ JSON read as it is

    [Fact]
    public async Task UserWithMembersOfEveryJsonKind_Should_BeReadIgnoringTheMembersTheProductDoesNotUse()
    {
        var users = await UsersFromAnswer(
            $" [ {{ \"Id\" : \"{Id}\", \"UserName\": \"agent@contoso.test\", \"Numbers\": [1, -2.5e3, 0], \"Flags\": [true, false, null, \"x\"], " +
            "\"Nested\": {\"c\": {}} , \"Empty\": [], \"FirstName\": null } ] ");

        var user = Assert.Single(users);
        Assert.Equal((Id, "agent@contoso.test", (string?)null), (user.Id, user.UserName, user.FirstName));
    }

    [Fact]
    public async Task UserNameWithEveryEscape_Should_BeUnescaped()
    {
        var users = await UsersFromAnswer(
            $"[{{\"Id\":\"{Id}\",\"UserName\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e4\\u00C4 \\ud83d\\ude00 ä\"}}]");

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t äÄ 😀 ä", Assert.Single(users).UserName);
    }

    [Fact]
    public async Task UserNameWithQuotesControlCharactersAndEmoji_Should_ComeBackAsEnreachHasIt()
    {
        await using var rig = await EnreachRig.StartAsync();
        const string name = "a\"b\\c\n\u0001 ä 😀";
        rig.Emulator.Users.Add(name);

        Assert.Contains(rig.Client().GetUsers(), u => u.UserName == name);
    }

    [Fact]
    public async Task FieldsInTheOtherCasingConvention_Should_BeRead()
    {
        var users = await UsersFromAnswer($"[{{\"id\":\"{Id}\",\"userName\":\"camel@contoso.test\",\"firstName\":\"Cam\"}},{{\"ID\":\"{Id}\",\"UserName\":\"upper@contoso.test\"}}]");

        Assert.Equal([(Id, "camel@contoso.test", "Cam"), (Id, "upper@contoso.test", null)], users.Select(u => (u.Id, u.UserName, u.FirstName)));
    }

    [Fact]
    public async Task FieldInBothCasings_Should_BeReadInEnreachsDocumentedCasing()
    {
        var users = await UsersFromAnswer($"[{{\"userName\":\"lower\",\"UserName\":\"exact\",\"Id\":\"{Id}\"}}]");

        Assert.Equal("exact", Assert.Single(users).UserName);
    }

    [Fact]
    public async Task DiscoveryAnswerInTheOtherCasingConvention_Should_GiveTheEndpoint()
    {
        await using var rig = await EnreachRig.StartAsync("a@contoso.test");
        rig.Emulator.Faults.Answer($"[{{\"ApiEndpoint\":\"{rig.Emulator.ApiEndpoint}\"}}]", only: EnreachEmulatorEndpoint.Discovery);

        var users = rig.Client(rig.Settings(discover: true)).GetUsers();

        Assert.Equal(2, users.Count);
    }

    [Fact]
    public async Task NestingWithinTheLimit_Should_BeRead()
    {
        var nested = new string('[', 40) + new string(']', 40);

        var users = await UsersFromAnswer($"[{{\"Id\":\"{Id}\",\"UserName\":\"a@contoso.test\",\"Deep\":{nested}}}]");

        Assert.Single(users);
    }

    [Fact]
    public async Task NestingFarDeeperThanTheLimit_Should_BeMalformedInsteadOfOverflowingTheStack()
    {
        var nested = new string('[', 100_000) + new string(']', 100_000);

        await MalformedUsersAnswer($"[{{\"Id\":\"{Id}\",\"UserName\":\"a@contoso.test\",\"Deep\":{nested}}}]");
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
    [InlineData("[{\"Id\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"UserName\":\"a@contoso.test\"}] x")]
    [InlineData("[{\"Id\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"UserName\":\"a@contoso.test\"")]
    public async Task AnswerThatIsNotAUsersList_Should_BeMalformed(string body)
    {
        var e = await MalformedUsersAnswer(body);

        Assert.Contains("is not what Voice for D365 expects", e.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------ precise errors

    [Fact]
    public async Task BrokenJson_Should_SayItIsNotValidJson()
    {
        var e = await MalformedUsersAnswer("[{\"Id\":");

        Assert.Contains("it is not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObjectInsteadOfTheUsersArray_Should_SaySo()
    {
        var e = await MalformedUsersAnswer("{\"Message\":\"An error has occurred.\"}");

        Assert.Contains("expected a JSON array of users but got an object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryThatIsNotAnObject_Should_NameItsPosition()
    {
        var e = await MalformedUsersAnswer($"[{{\"Id\":\"{Id}\",\"UserName\":\"a@contoso.test\"}}, 42]");

        Assert.Contains("user #2 is a number, not an object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutId_Should_SayTheIdIsMissing()
    {
        var e = await MalformedUsersAnswer("[{\"UserName\":\"a@contoso.test\"}]");

        Assert.Contains("user #1 has no Id string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithAnIdThatIsNotAGuid_Should_SayItIsNotAGuid()
    {
        var e = await MalformedUsersAnswer("[{\"Id\":\"agent-7\",\"UserName\":\"a@contoso.test\"}]");

        Assert.Contains("user #1 has an Id that is not a GUID", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserWithoutUserName_Should_SayTheUserNameIsMissingAndGiveTheId()
    {
        var e = await MalformedUsersAnswer($"[{{\"Id\":\"{Id}\",\"FirstName\":\"Nobody\"}}]");

        Assert.Contains($"user #1 (Id {Id}) has no UserName string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleUserAnswerWithoutId_Should_SayTheIdIsMissing()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer("{\"UserName\":\"api@contoso.test\"}", only: EnreachEmulatorEndpoint.CurrentUser);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetCurrentUser());

        Assert.Contains("the API user has no Id string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryAnswerWithoutApiEndpoint_Should_SaySo()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer("[{\"webappEndpoint\":\"https://webapp.example.test/\"}]", only: EnreachEmulatorEndpoint.Discovery);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client(rig.Settings(discover: true)).GetUsers());

        Assert.Contains("the first entry of the discovery answer has no apiEndpoint string", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscoveryAnswerWithARelativeApiEndpoint_Should_SayItIsNotAnAbsoluteUrl()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.Answer("[{\"apiEndpoint\":\"voice/\"}]", only: EnreachEmulatorEndpoint.Discovery);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client(rig.Settings(discover: true)).GetUsers());

        Assert.Contains("the apiEndpoint of the discovery answer is not an absolute URL", e.Message, StringComparison.Ordinal);
    }
}
