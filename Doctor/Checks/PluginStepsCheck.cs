using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Doctor.Checks;

/// <summary>Every plug-in step this build declares is registered (sdkmessageprocessingstep, by the step's name) and enabled.</summary>
internal sealed class PluginStepsCheck() : DoctorCheck("Plug-in steps")
{
    public override CheckResult Run(DoctorContext context)
    {
        var expected = context.Options.Steps.Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var query = new QueryExpression(SdkMessageProcessingStep.EntityName) { ColumnSet = new ColumnSet(SdkMessageProcessingStep.Name, SdkMessageProcessingStep.StateCode) };
        query.Criteria.AddCondition(SdkMessageProcessingStep.Name, ConditionOperator.In, expected.Cast<object>().ToArray());
        var registered = context.Service.RetrieveMultiple(query).Entities
            .GroupBy(s => s.GetAttributeValue<string>(SdkMessageProcessingStep.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var problems = new List<string>();
        var missing = expected.Where(n => !registered.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            problems.Add($"not registered: {string.Join("; ", missing)}. Import the solution again (this version's package, PackageDeployer.exe)");
        var disabled = registered.Where(r => r.Value.Any(IsDisabled)).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        if (disabled.Count > 0)
            problems.Add($"disabled: {string.Join("; ", disabled)}. Enable {(disabled.Count == 1 ? "it" : "them")} (Plug-in Registration Tool: select the step, Enable); until then what {(disabled.Count == 1 ? "it does" : "they do")} is not done");
        if (problems.Count > 0) return Failed(string.Join(". ", problems) + ".");

        var twice = registered.Where(r => r.Value.Count > 1).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        if (twice.Count > 0)
            return Warning($"registered more than once: {string.Join("; ", twice)}. Each copy runs the plug-in again: delete the copies registered by hand, keep the solution's.");
        return Ok($"all {expected.Count} steps of this build are registered and enabled");
    }

    private static bool IsDisabled(Entity step) =>
        step.GetAttributeValue<OptionSetValue>(SdkMessageProcessingStep.StateCode)?.Value == SdkMessageProcessingStep.StateDisabled;
}
