using VoiceForD365.Core.Enreach;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

public sealed class EnreachSettingsTests
{
    private const string Secret = "Very-Secret-Value-42";

    private static Func<string, string?> Variables(string? user, string? secret, string? endpoint) => name => name switch
    {
        EnreachEnvironmentVariables.ApiUserName => user,
        EnreachEnvironmentVariables.ApiSecret => secret,
        EnreachEnvironmentVariables.ApiEndpoint => endpoint,
        _ => null,
    };

    [Fact]
    public void EnvironmentVariablesWithOverride_Should_GiveSettingsThatSkipDiscovery()
    {
        var settings = EnreachSettings.FromEnvironmentVariables(Variables(" api@contoso.test ", Secret, "https://api.example.test/v1"));

        Assert.Equal("api@contoso.test", settings.ApiUserName);
        Assert.Equal(Secret, settings.ApiSecret);
        Assert.Equal(new Uri("https://api.example.test/v1"), settings.EndpointOverride);
        Assert.Equal(EnreachSettings.DefaultDiscoveryUrl, settings.DiscoveryUrl);
        Assert.True(settings.TotalBudget < TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void TimeBudgetVariable_Should_SetTheTotalBudget()
    {
        var settings = EnreachSettings.FromEnvironmentVariables(name =>
            name == EnreachEnvironmentVariables.TimeBudgetSeconds ? "2.5" : Variables("api@contoso.test", Secret, null)(name));

        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.TotalBudget);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("120")]
    [InlineData("sixty")]
    public void TimeBudgetVariableOutOfRange_Should_ThrowConfigurationErrorNamingTheVariable(string value)
    {
        var e = Assert.Throws<EnreachConfigurationException>(() => EnreachSettings.FromEnvironmentVariables(name =>
            name == EnreachEnvironmentVariables.TimeBudgetSeconds ? value : Variables("api@contoso.test", Secret, null)(name)));

        Assert.Contains(EnreachEnvironmentVariables.TimeBudgetSeconds, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSecret_Should_ThrowConfigurationErrorNamingTheVariable()
    {
        var e = Assert.Throws<EnreachConfigurationException>(() => EnreachSettings.FromEnvironmentVariables(Variables("api@contoso.test", null, null)));

        Assert.Contains(EnreachEnvironmentVariables.ApiSecret, e.Message, StringComparison.Ordinal);
        Assert.Equal(EnreachErrorKind.Configuration, e.Kind);
    }

    [Fact]
    public void PlainHttpOverrideToAnotherHost_Should_ThrowConfigurationError()
    {
        var e = Assert.Throws<EnreachConfigurationException>(() =>
            EnreachSettings.FromEnvironmentVariables(Variables("api@contoso.test", Secret, "http://api.example.test/")));

        Assert.Contains("https", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsToString_Should_NotShowTheSecret()
    {
        var settings = new EnreachSettings { ApiUserName = "api@contoso.test", ApiSecret = Secret };

        var text = settings.ToString();

        Assert.Contains("api@contoso.test", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientOfInvalidSettings_Should_ThrowConfigurationErrorWithoutTheSecret()
    {
        var e = Assert.Throws<EnreachConfigurationException>(() =>
            new EnreachClient(new EnreachSettings { ApiUserName = "", ApiSecret = Secret, TotalBudget = TimeSpan.Zero }));

        Assert.Contains(EnreachEnvironmentVariables.ApiUserName, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.ToString(), StringComparison.Ordinal);
    }
}
