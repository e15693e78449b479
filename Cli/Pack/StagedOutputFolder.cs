using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Cli.Pack;

/// <summary>
/// Where `vfd pack` writes: a folder of its own inside the output folder (same file system, so a move is a rename),
/// whose finished files <see cref="Commit"/> moves in together at the end. Whatever fails before or while they move
/// leaves the output folder as it was: earlier files of the same names are put back, the staging folder is removed,
/// and so is an output folder the pack created. Every failure is a <see cref="PackingException"/> naming the path and
/// what to do.
/// </summary>
public sealed class StagedOutputFolder : IDisposable
{
    private const string Prefix = ".vfd-pack-";
    private const string ChooseAnother = "Choose a folder you can write to with --output.";

    private readonly string? _createdRoot;
    private bool _keep;

    private StagedOutputFolder(string outputDirectory, string path, string? createdRoot)
    {
        OutputDirectory = outputDirectory;
        Path = path;
        _createdRoot = createdRoot;
    }

    /// <summary>The output folder, full path.</summary>
    public string OutputDirectory { get; }

    /// <summary>The staging folder to write the files into.</summary>
    public string Path { get; }

    /// <summary>Creates the output folder when missing and a staging folder in it.</summary>
    public static StagedOutputFolder Create(string outputDirectory)
    {
        var output = System.IO.Path.GetFullPath(outputDirectory);
        if (File.Exists(output)) throw new PackingException($"The output folder {output} is a file. {ChooseAnother}");
        var createdRoot = FirstMissing(output);
        try
        {
            Directory.CreateDirectory(output);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PackingException($"Cannot create the output folder {output}: {Reason(e, output)}. {ChooseAnother}", e);
        }
        var staging = System.IO.Path.Combine(output, Prefix + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            RemoveCreated(output, createdRoot);
            throw new PackingException($"Cannot write in the output folder {output}: {Reason(e, staging)}. {ChooseAnother}", e);
        }
        return new StagedOutputFolder(output, staging, createdRoot);
    }

    /// <summary>
    /// Moves the staged files into the output folder, replacing files of the same names; returns their new paths. If one
    /// can't be moved, the ones moved are taken out again and the earlier files put back.
    /// </summary>
    public IReadOnlyList<string> Commit(IReadOnlyList<string> stagedFiles)
    {
        var previous = System.IO.Path.Combine(Path, "previous");
        var moves = new List<Move>();
        var target = previous;
        try
        {
            Directory.CreateDirectory(previous);
            foreach (var staged in stagedFiles)
            {
                target = System.IO.Path.Combine(OutputDirectory, System.IO.Path.GetFileName(staged));
                var move = new Move(target, File.Exists(target) ? System.IO.Path.Combine(previous, System.IO.Path.GetFileName(staged)) : null);
                if (move.Backup != null) File.Move(target, move.Backup);
                moves.Add(move);
                File.Move(staged, target);
                move.MovedIn = true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = target != previous && Directory.Exists(target)
                ? $"{target} is a folder, where vfd pack writes a file: move it away or choose another folder with --output"
                : $"Cannot write {target}: {Reason(e, target)}. {ChooseAnother}";
            var notRestored = RollBack(moves);
            if (notRestored.Count == 0) throw new PackingException(problem + "; nothing was written.", e);
            _keep = true;
            throw new PackingException($"{problem}. The earlier {string.Join(", ", notRestored)} could not be put back: copy them from {previous}.", e);
        }
        return moves.Select(m => m.Target).ToList();
    }

    /// <summary>Removes the staging folder (unless it holds earlier files that could not be put back) and, after a failure, an output folder the pack created.</summary>
    public void Dispose()
    {
        if (_keep) return;
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only temporary files are left: nothing to report.
        }
        if (!Directory.EnumerateFileSystemEntries(OutputDirectory).Any()) RemoveCreated(OutputDirectory, _createdRoot);
    }

    private static List<string> RollBack(List<Move> moves)
    {
        var notRestored = new List<string>();
        for (var i = moves.Count - 1; i >= 0; i--)
        {
            var move = moves[i];
            try
            {
                if (move.MovedIn) File.Delete(move.Target);
                if (move.Backup != null) File.Move(move.Backup, move.Target);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (move.Backup != null) notRestored.Add(System.IO.Path.GetFileName(move.Target));
            }
        }
        return notRestored;
    }

    /// <summary>The outermost folder of <paramref name="path"/> that does not exist yet (null when it exists).</summary>
    private static string? FirstMissing(string path)
    {
        string? missing = null;
        for (var folder = path; folder != null && !Directory.Exists(folder) && !File.Exists(folder); folder = System.IO.Path.GetDirectoryName(folder))
            missing = folder;
        return missing;
    }

    /// <summary>Removes the empty folders from <paramref name="path"/> up to <paramref name="createdRoot"/>, the ones the pack created.</summary>
    private static void RemoveCreated(string path, string? createdRoot)
    {
        if (createdRoot == null) return;
        for (var folder = path; folder != null && folder.Length >= createdRoot.Length; folder = System.IO.Path.GetDirectoryName(folder))
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>Why an IO operation on <paramref name="path"/> failed, as a person would say it.</summary>
    private static string Reason(Exception e, string path)
    {
        for (var folder = System.IO.Path.GetDirectoryName(path); folder != null; folder = System.IO.Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder)) return $"{folder} is a file, not a folder";
            if (Directory.Exists(folder)) break;
        }
        // UnauthorizedAccessException says "Access to the path is denied"; the system's own words are in the inner exception.
        var reason = e is UnauthorizedAccessException && e.InnerException != null ? e.InnerException.Message : e.Message;
        return reason.TrimEnd('.').Length > 0 ? char.ToLowerInvariant(reason[0]) + reason.TrimEnd('.')[1..] : "unknown error";
    }

    private sealed class Move(string target, string? backup)
    {
        public string Target { get; } = target;

        public string? Backup { get; } = backup;

        public bool MovedIn { get; set; }
    }
}
