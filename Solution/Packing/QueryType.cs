namespace VoiceForD365.Solution.Packing;

/// <summary>Dataverse's saved query types.</summary>
public static class QueryType
{
    public const int Public = 0;
    public const int AdvancedFind = 1;
    public const int Associated = 2;
    public const int QuickFind = 4;
    public const int Lookup = 64;
}
