namespace VoiceForD365.LocalOrg.Query;

/// <summary>How the query engine compares the values of a column (after unwrapping EntityReference, OptionSetValue, Money).</summary>
internal enum ValueKind
{
    /// <summary>Primary keys, unique identifiers and lookups: compared as Guid.</summary>
    Guid,

    /// <summary>Text: compared case-insensitively, like Dataverse's default collation.</summary>
    String,

    /// <summary>Whole numbers, decimals and money: compared as decimal.</summary>
    Number,

    Double,
    Boolean,

    /// <summary>Compared in UTC.</summary>
    DateTime,

    /// <summary>Choices, state and status: compared by their int value.</summary>
    Option,

    /// <summary>Party lists: only Null / NotNull apply.</summary>
    Unsupported,
}
