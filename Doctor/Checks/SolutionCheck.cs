using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Doctor.Checks;

/// <summary>The Voice for D365 solution is installed (the solution table, by unique name), in this build's version.</summary>
internal sealed class SolutionCheck() : DoctorCheck("Solution")
{
    public override bool NeedsSolution => false;

    public override CheckResult Run(DoctorContext context)
    {
        var query = new QueryExpression(SolutionRecord.EntityName) { ColumnSet = new ColumnSet(SolutionRecord.FriendlyName, SolutionRecord.Version, SolutionRecord.IsManaged), TopCount = 1 };
        query.Criteria.AddCondition(SolutionRecord.UniqueName, ConditionOperator.Equal, SolutionIdentity.UniqueName);
        var solution = context.Service.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (solution == null)
            return Failed($"{SolutionIdentity.DisplayName} ({SolutionIdentity.UniqueName}) is not installed. Install the package with PackageDeployer.exe " +
                "(README: Installing with PackageDeployer.exe); the checks that need it were not run.");
        context.SolutionInstalled = true;

        var installed = solution.GetAttributeValue<string>(SolutionRecord.Version) ?? "";
        var expected = context.Options.SolutionVersion;
        var described = $"'{solution.GetAttributeValue<string>(SolutionRecord.FriendlyName)}' {installed} ({(solution.GetAttributeValue<bool>(SolutionRecord.IsManaged) ? "managed" : "unmanaged")})";
        if (!Version.TryParse(installed, out var installedVersion) || !Version.TryParse(expected, out var expectedVersion))
            return Warning($"{described} is installed; its version can't be compared with this vfd's ({expected}).");
        return installedVersion.CompareTo(expectedVersion) switch
        {
            0 => Ok($"{described}, the version of this vfd"),
            < 0 => Warning($"{described} is installed; this vfd is {expected}. Upgrade the organization with this version's package (vfd pack, then PackageDeployer.exe: README, Upgrading)."),
            _ => Warning($"{described} is installed, newer than this vfd ({expected}). Use the vfd of the installed version, whose checks match it."),
        };
    }
}
