namespace VoiceForD365.Cli.Demo;

/// <summary>Writes rows as left-aligned columns under a header, indented under a step's heading.</summary>
public static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string indent = "  ")
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => all.Select(r => i < r.Count ? r[i].Length : 0).Append(h.Length).Max()).ToArray();
        WriteRow(output, headers, widths, indent);
        WriteRow(output, widths.Select(w => new string('-', w)).ToList(), widths, indent);
        foreach (var row in all) WriteRow(output, row, widths, indent);
    }

    private static void WriteRow(TextWriter output, IReadOnlyList<string> cells, int[] widths, string indent)
    {
        var padded = widths.Select((w, i) => (i < cells.Count ? cells[i] : "").PadRight(i == widths.Length - 1 ? 0 : w));
        output.WriteLine((indent + string.Join("  ", padded)).TrimEnd());
    }
}
