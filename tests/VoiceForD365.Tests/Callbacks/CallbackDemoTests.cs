using System.Text.RegularExpressions;
using VoiceForD365.Cli;
using Xunit;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>`vfd demo` shows Enreach's callback lists, a profile per ownership rule with its list picked by name, and where each rule's callback phone call ended up.</summary>
public class CallbackDemoTests
{
    [Fact]
    public void Demo_Should_ShowWhereTheCallbackPhoneCallOfEachRuleEndedUp()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = VfdCli.Run(["demo"], output, error);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var text = output.ToString();
        var heading = Regex.Match(text, @"^\d+\. Callback profiles and ownership rules\r?$", RegexOptions.Multiline);
        Assert.True(heading.Success, "the demo has no callback profiles step");
        var section = text[heading.Index..];
        // A cell is literal text, except the sample user Aino, whose last name an earlier step may change.
        string Row(params string[] cells) => @"^\s+" + string.Join(@"\s+", cells.Select(c => c == "Aino (user)" ? @"Aino \S+ \(user\)" : Regex.Escape(c))) + @"\s*\r?$";
        Assert.Matches(new Regex(Row("Web callbacks", "Enreach Sync (user)", "Callback request from the web", "Web callbacks", "succeeded", "Closed"), RegexOptions.Multiline), section);
        Assert.Matches(new Regex(Row("Aino's customers", "Aino (user)", "Call back: Aino's customer", "Aino's callbacks", "succeeded", "Closed"), RegexOptions.Multiline), section);
        Assert.Matches(new Regex(Row("Service Desk", "Service Desk (team)", "Callback request from the web", "Service Desk callbacks", "succeeded", "Closed"), RegexOptions.Multiline), section);
        Assert.Matches(new Regex(Row("(none)", "Enreach Sync (user)", "Outgoing call", "(none)", "none (no callback profile)", "-"), RegexOptions.Multiline), section);
        Assert.Contains("A callback request on each list, synced by the callback sync (as Enreach Sync: 3 phone calls logged, 3 closed in Enreach)", section);
        Assert.Contains("Enreach's callback lists, read through the Callback List virtual table: Aino's customers, Service Desk, Suppliers, Web callbacks. Callback profiles, each with its list picked by name: ", section);
        Assert.Contains("Web callbacks (list Web callbacks (c0000000-0000-4000-a000-000000000001)): API User", section);
        Assert.Contains("Service Desk (list Service Desk (c0000000-0000-4000-a000-000000000003)): Owner of Queue", section);
    }
}
