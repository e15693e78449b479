namespace VoiceForD365.Solution.Model;

public enum ProcessConditionOperator
{
    /// <summary>The column has a value.</summary>
    ContainsData,

    /// <summary>The column is empty.</summary>
    DoesNotContainData,

    /// <summary>The column equals <see cref="ProcessCondition.Value"/>.</summary>
    EqualTo,
}
