using System.CommandLine;
using System.Globalization;
using VoiceForD365.Solution.Package;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Cli.Pack;

/// <summary>`vfd pack`: the solution zips (unmanaged and managed) from the declarations and the shipped assemblies.</summary>
public static class PackCommand
{
    /// <summary>Where vfd's build puts the net462 Release builds of the shipped assemblies (see VoiceForD365.Cli.csproj).</summary>
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "shipped");

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder the zips are written to.",
            DefaultValueFactory = _ => "artifacts",
        };
        var assemblies = new Option<string[]>("--assembly")
        {
            Description = "A shipped assembly to embed (its net462 Release build); repeat for each. Default: every assembly in shipped/ next to vfd.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("pack", "Write the solution zips: artifacts/VoiceForD365.zip (unmanaged) and artifacts/VoiceForD365_managed.zip (managed).")
        {
            output,
            assemblies,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return Run(parseResult.GetValue(output)!, parseResult.GetValue(assemblies) ?? [], configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Packs and prints what was written; 0 on success, 1 when the assemblies are missing or not packable.</summary>
    public static int Run(string outputDirectory, IReadOnlyList<string> assemblies, TextWriter output, TextWriter error)
    {
        var paths = assemblies.Count > 0 ? assemblies : DefaultAssemblies();
        if (paths.Count == 0)
        {
            error.WriteLine($"vfd pack: no shipped assemblies in {ShippedDirectory}. Build vfd (dotnet build Cli) or pass --assembly <net462 Release dll>.");
            return 1;
        }
        PackResult result;
        PackageResult package;
        try
        {
            result = SolutionPacker.Pack(new PackOptions { OutputDirectory = outputDirectory, Assemblies = paths });
            package = PackageBuilder.Build(new PackageOptions { ManagedSolutionZip = result.ManagedZip, OutputDirectory = outputDirectory });
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or BadImageFormatException or NotSupportedException)
        {
            error.WriteLine("vfd pack: " + e.Message);
            return 1;
        }
        Print(result, output);
        output.WriteLine($"Package Deployer package: wrote {Relative(package.PackageZip)} and {Relative(package.DataZip)}");
        return 0;
    }

    private static IReadOnlyList<string> DefaultAssemblies() =>
        Directory.Exists(ShippedDirectory)
            ? Directory.GetFiles(ShippedDirectory, "*.dll").Order(StringComparer.Ordinal).ToList()
            : [];

    private static void Print(PackResult result, TextWriter output)
    {
        var s = result.Summary;
        output.WriteLine($"Solution {result.UniqueName} {result.Version}");
        foreach (var zip in new[] { result.UnmanagedZip, result.ManagedZip })
        {
            var size = new FileInfo(zip).Length;
            output.WriteLine($"  wrote {Relative(zip)} ({(zip == result.ManagedZip ? "managed" : "unmanaged")}, {s.Files} files, {size.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        }
        output.WriteLine($"  tables        {s.Tables} new, {s.ExtendedTables} extended ({s.Columns} columns, {s.Keys} alternate keys)");
        output.WriteLine($"  forms, views  {s.Forms} forms, {s.Views} views, {s.Apps} app (Voice for D365 Configurator) with its site map");
        output.WriteLine($"  security      {s.Roles} roles, {s.EnvironmentVariables} environment variables");
        output.WriteLine($"  code          {s.Assemblies} assemblies: {s.PluginTypes} plug-in types, {s.WorkflowActivities} workflow activities, {s.Steps} steps ({s.StepImages} images), {s.CustomApis} custom API");
        output.WriteLine($"  other         {s.WebResources} web resources, {s.Processes} processes, {s.RootComponents} root components");
        foreach (var assembly in result.Assemblies)
        {
            var framework = assembly.TargetFramework.Replace(",Version=v", " ", StringComparison.Ordinal);
            output.WriteLine($"  embedded      {assembly.Name} {assembly.Version} ({framework}, {(assembly.IsOptimized ? "Release" : "Debug")}, PublicKeyToken={assembly.PublicKeyToken}) from {Relative(assembly.Path)}");
        }
    }

    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
