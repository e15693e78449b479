using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace VoiceForD365.Tests.ApiGate;

[CollectionDefinition(Name)]
public sealed class ApiGateCollection : ICollectionFixture<ApiGateFixture>
{
    public const string Name = "ApiGate";
}

/// <summary>
/// Builds, once per test run, the .NET Framework flavour of the projects the API gate looks at, and the xrm-apicheck
/// tool from <c>&lt;repo&gt;/reference/tools/xrm-apicheck</c>. Everything is built into one temporary folder
/// (<c>dotnet build --artifacts-path</c>), so the gate neither needs nor touches the bin/obj folders of the tree, and
/// deleted at the end. The tool builds in the background from the start; each project builds on first use, one at a
/// time (they share the artifacts folder).
/// </summary>
public sealed class ApiGateFixture : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(2);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "vfd-apigate-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly ConcurrentDictionary<string, Lazy<BuiltAssembly>> _builds = new(StringComparer.Ordinal);
    private readonly Task<string> _apiCheck;
    private readonly object _buildLock = new();

    public ApiGateFixture()
    {
        RepoRoot = Repository.Root;
        ReferenceDir = Repository.Reference;
        var listingsDir = Path.Combine(ReferenceDir, "reference-api");
        if (!Directory.Exists(listingsDir))
            throw new DirectoryNotFoundException($"The reference API listings are not at {listingsDir} (the repository's reference/ folder).");
        Listings = Directory.GetFiles(listingsDir, "*.txt").OrderBy(p => p, StringComparer.Ordinal).ToArray();
        if (Listings.Count == 0) throw new FileNotFoundException($"No listings (*.txt) in {listingsDir}.");
        // The tool builds in its own folder, alongside the first project build.
        _apiCheck = Task.Run(BuildApiCheck);
    }

    public string RepoRoot { get; }

    public string ReferenceDir { get; }

    /// <summary>Full paths of every reference API listing.</summary>
    public IReadOnlyList<string> Listings { get; }

    public string Listing(string fileName) => Listings.Single(l => Path.GetFileName(l) == fileName);

    /// <summary>The net462 Release build of a project (path relative to the repository root), built on first use.</summary>
    public BuiltAssembly BuildNet462(string project) =>
        _builds.GetOrAdd(project, p => new Lazy<BuiltAssembly>(() => Build(p))).Value;

    /// <summary>Runs xrm-apicheck with the given arguments.</summary>
    public ProcessResult ApiCheck(params string[] args) =>
        Run(DotNet, new[] { _apiCheck.GetAwaiter().GetResult() }.Concat(args), ToolTimeout);

    public void Dispose()
    {
        try
        {
            _apiCheck.Wait(BuildTimeout);
        }
        catch (AggregateException)
        {
        }
        try
        {
            if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private BuiltAssembly Build(string project)
    {
        var path = Path.Combine(RepoRoot, project);
        if (!File.Exists(path)) throw new FileNotFoundException($"Project {project} is not in {RepoRoot}.", path);
        ProcessResult result;
        lock (_buildLock)
        {
            // -getProperty with -t:Build builds and then prints the property alone on stdout; the log goes to stderr.
            result = Run(DotNet, new[]
            {
                "build", path, "-c", "Release", "-f", "net462",
                "--artifacts-path", Path.Combine(_work, "artifacts"),
                "-nologo", "-tl:off", "-nodeReuse:false", "-t:Build", "-getProperty:TargetPath",
            }, BuildTimeout);
        }
        var targetPath = result.StdOut.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (result.ExitCode != 0 || targetPath is null || !File.Exists(targetPath))
            throw new InvalidOperationException($"dotnet build -c Release -f net462 {project} failed (exit code {result.ExitCode}):\n{result.Output}");
        return new BuiltAssembly(project, targetPath, Path.GetDirectoryName(targetPath)!);
    }

    private string BuildApiCheck()
    {
        var project = Path.Combine(ReferenceDir, "tools", "xrm-apicheck", "xrm-apicheck.csproj");
        if (!File.Exists(project)) throw new FileNotFoundException($"xrm-apicheck is not at {project}.", project);
        var output = Path.Combine(_work, "xrm-apicheck");
        var result = Run(DotNet, new[]
        {
            "build", project, "-c", "Release", "-o", output,
            "--artifacts-path", Path.Combine(_work, "xrm-apicheck-artifacts"),
            "-nologo", "-tl:off", "-nodeReuse:false",
        }, BuildTimeout);
        var dll = Path.Combine(output, "xrm-apicheck.dll");
        if (result.ExitCode != 0 || !File.Exists(dll))
            throw new InvalidOperationException($"Building xrm-apicheck failed (exit code {result.ExitCode}):\n{result.Output}");
        return dll;
    }

    private static string DotNet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";


    private ProcessResult Run(string fileName, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoRoot, // global.json picks the SDK
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        // The test host may run under an MSBuild of its own: let the child dotnet resolve its SDK afresh.
        foreach (var v in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(v);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var all = new StringBuilder();
        using var outDone = new ManualResetEventSlim();
        using var errDone = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdout, outDone);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderr, errDone);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}:\n{all}");
        }
        // A grandchild (a build server) may hold the pipes open: don't wait for end-of-stream for ever.
        outDone.Wait(TimeSpan.FromSeconds(10));
        errDone.Wait(TimeSpan.FromSeconds(10));
        lock (all) return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), all.ToString());

        void Append(string? line, StringBuilder to, ManualResetEventSlim done)
        {
            if (line is null)
            {
                done.Set();
                return;
            }
            lock (all)
            {
                to.AppendLine(line);
                all.AppendLine(line);
            }
        }
    }
}

public sealed record BuiltAssembly(string Project, string AssemblyPath, string OutputDirectory);

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, string Output);
