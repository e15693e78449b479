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
        Assert.Matches(@"\d+ steps \(\d+ images?\)", output);
        Assert.Contains("1 web resource,", output);
        Assert.DoesNotMatch(@"\b1 [a-z -]*(resources|processes|APIs|apps|roles|assemblies|tables|types|activities|steps|images)\b", output);
        Assert.Empty(Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Except(Artifacts));
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
        Assert.DoesNotContain("(Parameter", error);
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
        Assert.DoesNotContain("(Parameter", error);
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

    private static readonly string[] Artifacts = ["VoiceForD365.zip", "VoiceForD365_managed.zip", "VoiceForD365Package.zip", "VoiceForD365Data.zip"];

    private string[] WithShipped(params string[] args) => [.. args, .. PackedSolution.BuildShipped(_gate).SelectMany(a => new[] { "--assembly", a })];

    /// <summary>The one line `vfd pack` wrote to stderr: no stack trace, no second line.</summary>
    private static string OneLine(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, "expected one line, got:\n" + error);
        Assert.StartsWith("vfd pack: ", lines[0]);
        Assert.DoesNotContain("Exception", lines[0]);
        Assert.DoesNotContain("(Parameter", lines[0]);
        return lines[0];
    }

    /// <summary>
    /// A folder no one can create files in. Root may write anywhere that has permissions, so for root it is /sys, where
    /// the kernel refuses to create anything; for others a folder without write permission.
    /// </summary>
    private static string UnwritableFolder()
    {
        if (Environment.IsPrivilegedProcess || OperatingSystem.IsWindows()) return "/sys";
        var folder = PackedSolution.NewTemporaryDirectory();
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        return folder;
    }

    [Fact]
    public void PackIntoAnUnwritableFolder_Should_FailWithOneLineNamingTheFolderAndWhatToDo()
    {
        var folder = UnwritableFolder();

        var (exitCode, output, error) = Run(WithShipped("pack", "--output", folder));

        Assert.Equal(1, exitCode);
        var line = OneLine(error);
        Assert.Contains(folder, line);
        Assert.Contains("--output", line);
        Assert.Empty(output);
    }

    [Fact]
    public void PackIntoAFolderBelowAFile_Should_FailWithOneLineNamingTheFile()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var file = Path.Combine(directory, "artifacts");
        File.WriteAllText(file, "not a folder");

        var (exitCode, _, error) = Run(WithShipped("pack", "--output", Path.Combine(file, "release")));

        Assert.Equal(1, exitCode);
        var line = OneLine(error);
        Assert.Contains(file + " is a file", line);
        Assert.Contains("--output", line);
        Assert.Equal(["artifacts"], Directory.GetFileSystemEntries(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void PackWhenAFolderHasTheNameOfTheLastArtifact_Should_LeaveTheOutputFolderAsItWas()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        File.WriteAllText(Path.Combine(directory, "VoiceForD365.zip"), "previous unmanaged");
        File.WriteAllText(Path.Combine(directory, "VoiceForD365_managed.zip"), "previous managed");
        var inTheWay = Path.Combine(directory, "VoiceForD365Package.zip");
        Directory.CreateDirectory(inTheWay);

        var (exitCode, _, error) = Run(WithShipped("pack", "--output", directory));

        Assert.Equal(1, exitCode);
        var line = OneLine(error);
        Assert.Contains(inTheWay + " is a folder", line);
        Assert.Contains("nothing was written", line);
        Assert.Equal(
            ["VoiceForD365.zip", "VoiceForD365Package.zip", "VoiceForD365_managed.zip"],
            Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("previous unmanaged", File.ReadAllText(Path.Combine(directory, "VoiceForD365.zip")));
        Assert.Equal("previous managed", File.ReadAllText(Path.Combine(directory, "VoiceForD365_managed.zip")));
        Assert.Empty(Directory.GetFileSystemEntries(inTheWay));
    }

    [Fact]
    public void PackWhenTheFolderHoldsAnEarlierPack_Should_ReplaceEveryArtifact()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        foreach (var artifact in Artifacts) File.WriteAllText(Path.Combine(directory, artifact), "earlier");

        var (exitCode, _, error) = Run(WithShipped("pack", "--output", directory));

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.All(Artifacts, artifact => Assert.NotEqual("earlier", File.ReadAllText(Path.Combine(directory, artifact))));
        Assert.Equal(Artifacts.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PackWithATextFileAsAssembly_Should_NameTheFile()
    {
        var directory = PackedSolution.NewTemporaryDirectory();
        var readme = Path.Combine(Repository.Root, "README.md");

        var (exitCode, _, error) = Run("pack", "--output", directory, "--assembly", readme);

        Assert.Equal(1, exitCode);
        var line = OneLine(error);
        Assert.Contains(readme + " is not a .NET assembly", line);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void PackWithAFolderAsAssembly_Should_SayItIsAFolder()
    {
        var directory = PackedSolution.NewTemporaryDirectory();

        var (exitCode, _, error) = Run("pack", "--output", Path.Combine(directory, "out"), "--assembly", directory);

        Assert.Equal(1, exitCode);
        Assert.Contains(directory + " is a folder", OneLine(error));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void PackWithAnEmptyOutput_Should_SayWhatTheOptionWants()
    {
        var (exitCode, _, error) = Run(WithShipped("pack", "--output", ""));

        Assert.Equal(1, exitCode);
        Assert.Contains("--output", OneLine(error));
    }

    [Fact]
    public void PackWithTheAssembliesNextToVfd_Should_NameThemAsTheReleaseBuildsOfShipped_NotByTheBuildFolder()
    {
        var directory = PackedSolution.NewTemporaryDirectory();

        var (exitCode, output, error) = Run("pack", "--output", directory);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.Matches(@"embedded\s+VoiceForD365\.Plugins \S+ \(\.NETFramework 4\.6\.2, Release, [^)]*\) from shipped/VoiceForD365\.Plugins\.dll next to vfd", output);
        Assert.DoesNotContain(AppContext.BaseDirectory, output);
    }

    [Fact]
    public void PackHelp_Should_NameEveryFileItWrites()
    {
        var (exitCode, output, _) = Run("pack", "--help");

        Assert.Equal(0, exitCode);
        Assert.All(Artifacts, artifact => Assert.Contains(artifact, output));
    }

    [Fact]
    public void RootHelp_Should_NotSayPackIsStillToCome()
    {
        var (exitCode, output, _) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("later pack", output);
        Assert.Matches(@"\bpack\b", output);
    }
}
