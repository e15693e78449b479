using System.CommandLine;
using System.Globalization;
using VoiceForD365.Solution.Package;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Cli.Pack;

/// <summary>
/// `vfd pack`: the solution zips (unmanaged and managed), the Package Deployer package and its configuration data, from
/// the declarations and the shipped assemblies. They are written into a staging folder and moved in together at the
/// end: a failure writes nothing and is one line naming the path and what to do.
/// </summary>
public static class PackCommand
{
    /// <summary>Where vfd's build puts the net462 Release builds of the shipped assemblies (see build/ShippedAssemblies.targets).</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, ShippedFolder);

    private const string ShippedFolder = "shipped";

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder the files are written to (created when missing; files of the same names are replaced).",
            DefaultValueFactory = _ => "artifacts",
        };
        var assemblies = new Option<string[]>("--assembly")
        {
            Description = $"A shipped assembly to embed (its net462 Release build); repeat for each. Default: every assembly in {ShippedFolder}/ next to vfd.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("pack",
            $"Write into artifacts/ the solution zips {SolutionIdentity.UnmanagedFileName} (unmanaged) and {SolutionIdentity.ManagedFileName} (managed), " +
            $"the Package Deployer package {PackageBuilder.PackageZipName} and its configuration data {PackageBuilder.DataZipName} (also for the Configuration Migration tool).")
        {
            output,
            assemblies,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(output) ?? "", parseResult.GetValue(assemblies) ?? [], configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Packs and prints what was written; 0 on success, 1 (and one line on <paramref name="error"/>) when anything is missing, not packable or can't be written.</summary>
    public static int Run(string outputDirectory, IReadOnlyList<string> assemblies, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(outputDirectory)) return Fail(error, "--output needs a folder, for example --output artifacts.");
        if (assemblies.Any(string.IsNullOrWhiteSpace)) return Fail(error, "--assembly needs the path of a dll, for example --assembly Plugins/bin/Release/net462/VoiceForD365.Plugins.dll.");
        var paths = assemblies.Count > 0 ? assemblies : DefaultAssemblies();
        if (paths.Count == 0)
            return Fail(error, $"no shipped assemblies in {ShippedDirectory}: a Release build of vfd puts their net462 Release builds there. Run dotnet run --project Cli -c Release -- pack, or pass --assembly <net462 Release dll>.");
        try
        {
            using var staging = StagedOutputFolder.Create(outputDirectory);
            var result = SolutionPacker.Pack(new PackOptions { OutputDirectory = staging.Path, Assemblies = paths });
            var package = PackageBuilder.Build(new PackageOptions { ManagedSolutionZip = result.ManagedZip, OutputDirectory = staging.Path });
            var written = staging.Commit([result.UnmanagedZip, result.ManagedZip, package.DataZip, package.PackageZip]);
            Print(result, written, assemblies.Count == 0, output);
            return 0;
        }
        catch (Exception e) when (e is PackingException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Fail(error, e.Message);
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("vfd pack: " + message.ReplaceLineEndings(" "));
        return 1;
    }

    private static IReadOnlyList<string> DefaultAssemblies() =>
        Directory.Exists(ShippedDirectory)
            ? Directory.GetFiles(ShippedDirectory, "*.dll").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <param name="written">The unmanaged zip, the managed zip, the data zip and the package, where they now are.</param>
    private static void Print(PackResult result, IReadOnlyList<string> written, bool fromShipped, TextWriter output)
    {
        var s = result.Summary;
        output.WriteLine($"Solution {result.UniqueName} {result.Version}");
        foreach (var (zip, kind) in new[] { (written[0], "unmanaged"), (written[1], "managed") })
            output.WriteLine($"  wrote {Relative(zip)} ({kind}, {Count(s.Files, "file")}, {new FileInfo(zip).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        output.WriteLine($"  tables        {s.Tables} new ({Count(s.VirtualTables, "virtual table")} with {Count(s.DataProviders, "data provider")} and {(s.DataProviders == 1 ? "its data source table" : "their data source tables")}), {s.ExtendedTables} extended ({Count(s.Columns, "column")}, {Count(s.Keys, "alternate key")})");
        output.WriteLine($"  forms, views  {Count(s.Forms, "form")}, {Count(s.Views, "view")}, {Count(s.Apps, "app")} (Voice for D365 Configurator) with its site map");
        output.WriteLine($"  security      {Count(s.Roles, "role")}, {Count(s.EnvironmentVariables, "environment variable")}");
        output.WriteLine($"  code          {Count(s.Assemblies, "assembly", "assemblies")}: {Count(s.PluginTypes, "plug-in type")}, {Count(s.WorkflowActivities, "workflow activity", "workflow activities")}, {Count(s.Steps, "step")} ({Count(s.StepImages, "image")}), {Count(s.CustomApis, "custom API")}");
        output.WriteLine($"  other         {Count(s.WebResources, "web resource")}, {Count(s.Processes, "process", "processes")}, {Count(s.RootComponents, "root component")}");
        foreach (var assembly in result.Assemblies)
        {
            var framework = assembly.TargetFramework.Replace(",Version=v", " ", StringComparison.Ordinal);
            // The default ones sit in vfd's own build folder, whose name (bin/Debug/...) is vfd's configuration, not theirs.
            var from = fromShipped ? $"{ShippedFolder}/{Path.GetFileName(assembly.Path)} next to vfd" : Relative(assembly.Path);
            output.WriteLine($"  embedded      {assembly.Name} {assembly.Version} ({framework}, {(assembly.IsOptimized ? "Release" : "Debug")}, PublicKeyToken={assembly.PublicKeyToken}) from {from}");
        }
        output.WriteLine($"Package Deployer package: wrote {Relative(written[3])} and {Relative(written[2])}");
    }

    private static string Count(int count, string singular, string? plural = null) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
