namespace VoiceForD365.Solution.Model;

public enum ProcessValueSource
{
    /// <summary>The primary record itself, as an EntityReference.</summary>
    PrimaryRecord,

    /// <summary>A column of the primary record.</summary>
    PrimaryColumn,

    /// <summary>A fixed value.</summary>
    Constant,
}
