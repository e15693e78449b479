using VoiceForD365.Core.Settings;

namespace VoiceForD365.Doctor.Checks;

/// <summary>DefaultCrmAssignee holds the Enreach id of a Dynamics user (the product's own check, as the package runs it after import).</summary>
internal sealed class DefaultCrmAssigneeSettingCheck() : DoctorCheck(SettingNames.DefaultCrmAssignee)
{
    public override CheckResult Run(DoctorContext context)
    {
        var problem = DefaultCrmAssigneeCheck.Check(context.Service, out var owner);
        return problem == null ? Ok($"the Enreach User Id of '{owner!.Name}' ({owner.Id}), the owner of calls whose Enreach user is not a Dynamics user") : Failed(problem);
    }
}
