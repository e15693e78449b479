using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>One registered step, with everything the solution writes about it.</summary>
public sealed record StepRegistration(ShippedAssembly Assembly, ShippedType Type, StepDeclaration Declaration)
{
    public Guid Id => ComponentIds.Step(Declaration);

    /// <summary>The primary table, or "none" for messages without one (Associate).</summary>
    public string Table => Declaration.PrimaryEntity;

    public string Name => Declaration.Name;
}
