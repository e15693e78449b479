using System.Text.RegularExpressions;
using VoiceForD365.Cli.Serve;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

public sealed class ServeLifecycleTests
{
    [Fact]
    public void Interrupt_Should_StopTheServerAndTheEmulatorAndExitWithZero()
    {
        var serve = new ServeFixture();
        var emulator = new Uri(Regex.Match(serve.Output, @"Enreach emulator:\s+(\S+)").Groups[1].Value);

        Assert.True(serve.Stop(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, serve.ExitCode);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.ThrowsAny<HttpRequestException>(() => http.GetAsync(serve.WebApiUrl + "WhoAmI").GetAwaiter().GetResult());
        Assert.ThrowsAny<HttpRequestException>(() => http.GetAsync(emulator).GetAwaiter().GetResult());
        serve.Dispose();
    }

    [Fact]
    public void PortInUse_Should_FailWithAMessageNamingThePort()
    {
        using var serve = new ServeFixture();
        var output = new StringWriter();

        var exit = ServeCommand.Run(new ServeOptions { Port = serve.WebApiUrl.Port, SampleData = false }, output, output, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains($"can't listen on 127.0.0.1:{serve.WebApiUrl.Port}", output.ToString());
    }
}
