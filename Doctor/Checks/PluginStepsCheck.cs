using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Doctor.Checks;

/// <summary>
/// Every plug-in step this build declares is registered and enabled: its sdkmessageprocessingstep row, by the id the
/// solution gives it (<see cref="ComponentIds.Step"/>; names are not unique: one class's steps on one message share one).
/// </summary>
internal sealed class PluginStepsCheck() : DoctorCheck("Plug-in steps")
{
    public override CheckResult Run(DoctorContext context)
    {
        // A virtual table's data provider plug-ins are registered on its entitydataprovider, not as steps.
        var expected = context.Options.Steps.Where(s => !s.IsDataProviderOperation).DistinctBy(ComponentIds.Step).ToList();
        var query = new QueryExpression(SdkMessageProcessingStep.EntityName) { ColumnSet = new ColumnSet(SdkMessageProcessingStep.StateCode) };
        query.Criteria.AddCondition(SdkMessageProcessingStep.PrimaryId, ConditionOperator.In, expected.Select(s => (object)ComponentIds.Step(s)).ToArray());
        var registered = context.Service.RetrieveMultiple(query).Entities.ToDictionary(s => s.Id);

        var missing = expected.Where(s => !registered.ContainsKey(ComponentIds.Step(s))).Select(Describe).ToList();
        var disabled = expected.Where(s => registered.TryGetValue(ComponentIds.Step(s), out var row) && IsDisabled(row)).Select(Describe).ToList();
        var problems = new List<string>();
        if (missing.Count > 0)
            problems.Add($"not registered: {string.Join("; ", missing)}. Import the solution again (this version's package, PackageDeployer.exe)");
        if (disabled.Count > 0)
            problems.Add($"disabled: {string.Join("; ", disabled)}. Enable {(disabled.Count == 1 ? "it" : "them")} (Plug-in Registration Tool: select the step, Enable); until then what {(disabled.Count == 1 ? "it does" : "they do")} is not done");
        if (problems.Count > 0) return Failed(string.Join(". ", problems) + ".");
        return Ok($"all {expected.Count} steps of this build are registered and enabled");
    }

    /// <summary>The step's name, with its stage and mode (a class's steps on one message share the name).</summary>
    private static string Describe(Core.Registration.StepDeclaration step) => $"{step.Name} ({step.Stage}, {step.Mode})";

    private static bool IsDisabled(Entity step) =>
        step.GetAttributeValue<OptionSetValue>(SdkMessageProcessingStep.StateCode)?.Value == SdkMessageProcessingStep.StateDisabled;
}
