namespace VoiceForD365.Tests;

/// <summary>Where the repository and its reference material are, for tests that read sources or Microsoft's schemas.</summary>
public static class Repository
{
    /// <summary>The folder holding VoiceForD365.sln, above the test's output folder (or the current directory).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>reference/: the reference API listings, Microsoft's schemas and the API checker.</summary>
    public static string Reference { get; } = Path.Combine(Root, "reference");

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "VoiceForD365.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No repository root (VoiceForD365.sln) above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
