namespace VoiceForD365.Core.Registration
{
    /// <summary>Type of a custom API request parameter or response property, with Dataverse's numbers.</summary>
    public enum CustomApiFieldType
    {
        Boolean = 0,
        DateTime = 1,
        Decimal = 2,
        Entity = 3,
        EntityCollection = 4,
        EntityReference = 5,
        Float = 6,
        Integer = 7,
        Money = 8,
        Picklist = 9,
        String = 10,
        StringArray = 11,
        Guid = 12,
    }
}
