using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// A public, concrete plug-in or workflow activity class and the registrations declared on it, in Core's one model
/// (the same the local organization reads by reflection). ShippedTypeKind is this record's companion and lives here.
/// </summary>
public sealed record ShippedType(string FullName, ShippedTypeKind Kind, IReadOnlyList<StepDeclaration> Steps, CustomApiDeclaration? CustomApi, WorkflowActivityDeclaration? Activity)
{
    /// <summary>A workflow activity's arguments: its InArgument&lt;T&gt; and OutArgument&lt;T&gt; properties.</summary>
    public IReadOnlyList<ActivityArgument> Arguments { get; init; } = [];
}

public enum ShippedTypeKind
{
    /// <summary>Implements Microsoft.Xrm.Sdk.IPlugin.</summary>
    Plugin,

    /// <summary>Derives from System.Activities.CodeActivity (a custom workflow activity).</summary>
    WorkflowActivity,
}
