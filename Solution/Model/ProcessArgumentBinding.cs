namespace VoiceForD365.Solution.Model;

/// <summary>What a step sets one input argument of its activity to.</summary>
public sealed record ProcessArgumentBinding(string Argument, ProcessValueSource Source, string? Column = null, object? Constant = null)
{
    public static ProcessArgumentBinding PrimaryRecord(string argument) => new(argument, ProcessValueSource.PrimaryRecord);

    public static ProcessArgumentBinding PrimaryColumn(string argument, string column) => new(argument, ProcessValueSource.PrimaryColumn, column);

    public static ProcessArgumentBinding Value(string argument, object? constant) => new(argument, ProcessValueSource.Constant, null, constant);
}
