using System.Text.RegularExpressions;
using VoiceForD365.Cli;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>`vfd demo routing`: a VIP caller routed, an unknown caller, the loop guard and a Webex lookup with its screen pop, through the service over HTTP.</summary>
public class RoutingDemoTests
{
    private static string Demo(params string[] options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VfdCli.Run(["demo", "routing", .. options], output, error);
        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        return output.ToString();
    }

    private static string Line(string text) => $@"^  {text}\r?$";

    private static string LineStart(string text) => $@"^  {text}";

    [Fact]
    public void Demo_Should_RouteTheVipCaller_AnswerTheUnknownCallerAndTheLoop204_AndShowTheWebexLookupsScreenPop()
    {
        var output = Demo();

        Assert.Matches(new Regex(Line(@"Routing service \(what vfd route runs\) on http://127\.0\.0\.1:\d+/ against this organization over its Web API: 4 active routing rules"), RegexOptions.Multiline), output);
        Assert.Matches(new Regex(Line(Regex.Escape($"(a) VIP caller Liisa Mäkinen ({SampleData.LiisaMobile}) calls {SampleData.ServiceDeskNumber}: 200 "
            + $"{{\"InitialTarget\":\"{SampleData.VipQueueNumber}\",\"FailTarget\":\"{SampleData.PrioritySupportNumber}\"}} (rule 'VIP: contacts of preferred customers')")), RegexOptions.Multiline), output);
        Assert.Matches(new Regex(LineStart(Regex.Escape($"(b) Unknown caller +358 50 111 2223 calls {SampleData.ServiceDeskNumber}: 204 (no rule applies")), RegexOptions.Multiline), output);
        Assert.Matches(new Regex(LineStart(Regex.Escape($"(c) Loop guard: Liisa Mäkinen, whose rule sends her to the VIP queue, calls {SampleData.VipQueueNumber}: 204 (that is the number called")), RegexOptions.Multiline), output);
        Assert.Matches(new Regex(Line(Regex.Escape($"(d) Webex lookup GET /webex/caller?ani={SampleData.ErikMobile}: 200 contact Erik Johansson, case CAS-01001-F7K2 \"Invoicing system down\" (High priority), queue priority 2")),
            RegexOptions.Multiline), output);
        Assert.Matches(new Regex(Line(@"    screen pop: http://127\.0\.0\.1:\d+/main\.aspx\?pagetype=entityrecord&etn=incident&id=[0-9a-f]{8}-[0-9a-f-]{27}"), RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^  routing\s+VIP caller routed \(200 to \+358942425100\), unknown caller 204, loop guard 204; Webex: case CAS-01001-F7K2, queue priority 2, its screen pop\r?$", RegexOptions.Multiline), output);
        Assert.DoesNotContain("service log:", output);
    }

    [Fact]
    public void DemoVerbose_Should_ShowTheServicesLogLines_AndARepeatedCallerCostingNoDataverseRequest()
    {
        var output = Demo("--verbose");

        var again = Regex.Match(output, @"^  \(a\) again: Liisa Mäkinen, now in the cache, calls \+358942425000: 200 [^\n]*\n\s+(\d+) Dataverse requests; service log: SmartRouting demo-\w+ [^\n]*\(Routed: ", RegexOptions.Multiline);
        Assert.True(again.Success, output);
        Assert.Equal("0", again.Groups[1].Value);
        Assert.Matches(new Regex(@"service log: SmartRouting demo-\w+ anum \+358 40 123 4567 bnum \+358942425100: 204 .*\(LoopPrevented: ", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^      the answer: \{""lookup"":""found"",""known"":true,", RegexOptions.Multiline), output);
    }
}
