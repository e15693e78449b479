using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Doctor.Checks;

/// <summary>Every process the solution ships (the callback process) is in the organization (workflow, its definition by id) and activated.</summary>
internal sealed class ProcessesCheck() : DoctorCheck("Processes")
{
    public override CheckResult Run(DoctorContext context)
    {
        var expected = context.Options.Processes;
        var query = new QueryExpression(Workflow.EntityName) { ColumnSet = new ColumnSet(Workflow.Name, Workflow.StateCode) };
        query.Criteria.AddCondition(Workflow.PrimaryId, ConditionOperator.In, expected.Select(p => (object)p.Id).ToArray());
        query.Criteria.AddCondition(Workflow.Type, ConditionOperator.Equal, Workflow.TypeDefinition);
        var found = context.Service.RetrieveMultiple(query).Entities.ToDictionary(w => w.Id);

        var problems = new List<string>();
        foreach (var process in expected)
        {
            if (!found.TryGetValue(process.Id, out var row))
                problems.Add($"'{process.Name}' is not in the organization: import the solution again (this version's package, PackageDeployer.exe)");
            else if (row.GetAttributeValue<OptionSetValue>(Workflow.StateCode)?.Value != Workflow.StateActivated)
                problems.Add($"'{process.Name}' is not activated: activate it (Power Apps: Solutions, {Solution.Packing.SolutionIdentity.DisplayName}, Processes, select it, Activate); until then it does not run");
        }
        if (problems.Count > 0) return Failed(string.Join(". ", problems) + ".");
        return Ok(string.Join(", ", expected.Select(p => $"'{p.Name}'")) + (expected.Count == 1 ? " is activated" : " are activated"));
    }
}
