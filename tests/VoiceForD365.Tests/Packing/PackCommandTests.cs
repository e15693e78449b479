using VoiceForD365.Cli;
using VoiceForD365.Tests.ApiGate;
using Xunit;

namespace VoiceForD365.Tests.Packing;

/// <summary>`vfd pack` through the CLI's entry point.</summary>
[Collection(ApiGateCollection.Name)]
public sealed class PackCommandTests
{
    private readonly ApiGateFixture _gate;

    public PackCommandTests(ApiGateFixture gate) => _gate = gate;

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VfdCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Pack_Should_WriteBothZipsThePackageAndItsDataAndSayWhatItWrote()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var assemblies = PackedSolution.BuildShipped(_gate);

        var (exitCode, output, error) = Run(["pack", "--output", directory, .. assemblies.SelectMany(a => new[] { "--assembly", a })]);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.Empty(error);
        foreach (var zip in new[] { "VoiceForD365.zip", "VoiceForD365_managed.zip", "VoiceForD365Package.zip", "VoiceForD365Data.zip" })
        {
            Assert.True(File.Exists(Path.Combine(directory, zip)), $"{zip} was not written to {directory}.");
            Assert.Contains(zip, output);
        }
        Assert.Contains("Solution VoiceForD365 ", output);
        Assert.Matches(@"\d+ steps \(\d+ images\)", output);
    }

    [Fact]
    public void PackWithAReferenceAssembly_Should_RefuseAndWriteNothing()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var reference = Path.Combine(directory, "Microsoft.Xrm.Sdk.dll");
        File.Copy(typeof(Microsoft.Xrm.Sdk.Entity).Assembly.Location, reference);

        var (exitCode, _, error) = Run("pack", "--output", directory, "--assembly", reference);

        Assert.Equal(1, exitCode);
        Assert.Contains("reference assembly", error);
        Assert.False(File.Exists(Path.Combine(directory, "VoiceForD365.zip")));
    }

    [Fact]
    public void PackWithTheNet10Build_Should_RefuseAndNameTheFrameworkDataverseLoads()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var net10 = typeof(VoiceForD365.Plugins.PluginBase).Assembly.Location;

        var (exitCode, _, error) = Run("pack", "--output", directory, "--assembly", net10);

        Assert.Equal(1, exitCode);
        Assert.Contains(".NETCoreApp", error);
        Assert.Contains("net462", error);
        Assert.False(File.Exists(Path.Combine(directory, "VoiceForD365_managed.zip")));
    }

    [Fact]
    public void PackWithAMissingAssembly_Should_SayWhichFile()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var missing = Path.Combine(directory, "VoiceForD365.Plugins.dll");

        var (exitCode, _, error) = Run("pack", "--output", directory, "--assembly", missing);

        Assert.Equal(1, exitCode);
        Assert.Contains(missing, error);
    }
}
