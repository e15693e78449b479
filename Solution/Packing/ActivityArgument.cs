namespace VoiceForD365.Solution.Packing;

/// <summary>
/// A workflow activity argument: property name, direction and the full name of T (System.String,
/// Microsoft.Xrm.Sdk.EntityReference...). ArgumentDirection is this record's companion and lives here.
/// </summary>
public sealed record ActivityArgument(string Name, ArgumentDirection Direction, string TypeName);

public enum ArgumentDirection
{
    In,
    Out,
}
