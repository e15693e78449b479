namespace VoiceForD365.Solution.Packing;

/// <summary>The control a form cell shows, with the class id Dataverse knows it by.</summary>
public enum ControlKind
{
    Text,
    Memo,
    WholeNumber,
    Lookup,
    Choice,
    Status,
    DateTime,
    TwoOptions,
    Email,
    Url,
    Phone,
    PartyList,
    Duration,
}
