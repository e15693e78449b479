namespace VoiceForD365.Tests;

/// <summary>Where the repository and the shared folder beside it are, for tests that read sources or Microsoft's schemas.</summary>
public static class Repository
{
    /// <summary>The folder holding VoiceForD365.sln, above the test's output folder (or the current directory).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>../shared: the reference API listings, the schemas and the tools.</summary>
    public static string Shared { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "VoiceForD365.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No repository root (VoiceForD365.sln) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
