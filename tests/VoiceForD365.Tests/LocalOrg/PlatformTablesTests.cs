using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins;
using VoiceForD365.Solution.Package;
using VoiceForD365.Solution.Packing;
using VoiceForD365.Tests.Callbacks;
using Xunit;
using static VoiceForD365.Tests.Callbacks.CallbackOrg;

namespace VoiceForD365.Tests.LocalOrg;

/// <summary>
/// The platform tables the local organization fills from what it is and has registered (organization, solution,
/// plug-in types, steps, processes), read as Dataverse's, written only to disable or enable a step or a process;
/// RetrieveVersion; the import of the package's configuration data.
/// </summary>
public sealed class PlatformTablesTests
{
    private static readonly LocalOrganization Plain = new(new LocalOrganizationOptions { PluginTypes = [typeof(StageRecorderPlugin)] });

    private static List<Entity> Rows(IOrganizationService service, string table) => service.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities.ToList();

    [Fact]
    public void RegisteredSteps_Should_BeStepRowsWithTheSolutionsIdsNamesAndPluginTypes()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });

        var rows = Rows(org.Service, SdkMessageProcessingStep.EntityName);

        Assert.Equal(org.Steps.Select(s => (s.Id, s.Name)).Order(), rows.Select(r => (r.Id, r.GetAttributeValue<string>(SdkMessageProcessingStep.Name))).Order());
        Assert.All(org.Steps, s => Assert.Equal(ComponentIds.Step(s.Declaration), s.Id));
        var types = Rows(org.Service, PluginType.EntityName).ToDictionary(t => t.Id);
        Assert.All(rows, r =>
        {
            var type = types[r.GetAttributeValue<EntityReference>(SdkMessageProcessingStep.PluginTypeId).Id];
            Assert.StartsWith(type.GetAttributeValue<string>(PluginType.TypeName) + ": ", r.GetAttributeValue<string>(SdkMessageProcessingStep.Name));
            Assert.Equal(SdkMessageProcessingStep.StateEnabled, r.GetAttributeValue<OptionSetValue>(SdkMessageProcessingStep.StateCode).Value);
        });
    }

    [Fact]
    public void OrganizationAndSolution_Should_BeRowsAsDataverseHasThem_AndRetrieveVersionAnswer()
    {
        var service = Plain.Service;
        var organizationId = (Guid)service.Execute(new OrganizationRequest(MessageNames.WhoAmI))[ParameterNames.OrganizationId]!;

        Assert.Equal(Plain.OrganizationName, service.Retrieve(Organization.EntityName, organizationId, new ColumnSet(Organization.Name)).GetAttributeValue<string>(Organization.Name));
        var solution = Assert.Single(Rows(service, SolutionRecord.EntityName));
        Assert.Equal(SolutionIdentity.UniqueName, solution.GetAttributeValue<string>(SolutionRecord.UniqueName));
        Assert.Equal(SolutionIdentity.Version, solution.GetAttributeValue<string>(SolutionRecord.Version));
        Assert.True(solution.GetAttributeValue<bool>(SolutionRecord.IsManaged));
        Assert.Equal(LocalOrganization.Version, service.Execute(new OrganizationRequest(MessageNames.RetrieveVersion))[ParameterNames.Version]);
    }

    [Fact]
    public void WritesToPlatformTables_Should_BeRefused_ButAStepsState()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(StageRecorderPlugin)] });
        var service = org.Service;
        var step = org.Steps[0];

        void Refused(Action write) => Assert.Contains("can't be created, changed or deleted", Assert.Throws<FaultException<OrganizationServiceFault>>(write).Detail.Message);
        Refused(() => service.Create(new Entity(SdkMessageProcessingStep.EntityName) { [SdkMessageProcessingStep.Name] = "by hand" }));
        Refused(() => service.Update(new Entity(SdkMessageProcessingStep.EntityName, step.Id) { [SdkMessageProcessingStep.Name] = "renamed" }));
        Refused(() => service.Delete(SdkMessageProcessingStep.EntityName, step.Id));
        Refused(() => service.Update(new Entity(SolutionRecord.EntityName, Rows(service, SolutionRecord.EntityName)[0].Id) { [SolutionRecord.Version] = "2.0.0.0" }));
        service.Update(new Entity(SdkMessageProcessingStep.EntityName, step.Id) { [SdkMessageProcessingStep.StateCode] = new OptionSetValue(SdkMessageProcessingStep.StateDisabled) });

        Assert.Equal(SdkMessageProcessingStep.StateDisabled,
            service.Retrieve(SdkMessageProcessingStep.EntityName, step.Id, new ColumnSet(SdkMessageProcessingStep.StateCode)).GetAttributeValue<OptionSetValue>(SdkMessageProcessingStep.StateCode).Value);
    }

    [Fact]
    public void DisabledStep_Should_NotRun_AndRunAgainOnceEnabled()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(StageRecorderPlugin)] });
        var preValidation = org.Steps.Single(s => s.Declaration.Stage == Core.Registration.PipelineStage.PreValidation);
        void SetState(int state) => org.Service.Update(new Entity(SdkMessageProcessingStep.EntityName, preValidation.Id) { [SdkMessageProcessingStep.StateCode] = new OptionSetValue(state) });
        int Runs() => org.Traces.Count(t => t.Text.Contains("stage 10 ", StringComparison.Ordinal));

        SetState(SdkMessageProcessingStep.StateDisabled);
        org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Contoso" });
        var whileDisabled = Runs();
        SetState(SdkMessageProcessingStep.StateEnabled);
        org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Fabrikam" });

        Assert.Equal(0, whileDisabled);
        Assert.Equal(1, Runs());
        Assert.Equal(2 * (org.Steps.Count - 1) + 1, org.Traces.Count);
    }

    [Fact]
    public void DeactivatedProcess_Should_NotStart()
    {
        var org = new CallbackOrg();
        var process = Assert.Single(org.Org.Processes);
        Assert.Equal(Workflow.StateActivated, org.Service.Retrieve(Workflow.EntityName, process.Definition.Id, new ColumnSet(Workflow.StateCode)).GetAttributeValue<OptionSetValue>(Workflow.StateCode).Value);
        org.ApiUser();
        var profile = org.Profile("Sales callbacks", org.Queue("Callbacks"), OwnershipRule.ApiUser);
        org.Service.Update(new Entity(Workflow.EntityName, process.Definition.Id) { [Workflow.StateCode] = new OptionSetValue(Workflow.StateDraft) });

        var call = org.PhoneCall(profile);

        Assert.DoesNotContain(org.Org.SystemJobs, j => j.Step == process.Name);
        Assert.Empty(org.QueuesOf(call));
    }

    [Fact]
    public void PackagesConfigurationData_Should_ImportThroughTheValidation_AndAgainWithoutDuplicates()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });
        var tables = VoiceForD365Data.Tables();

        var written = ConfigurationDataImport.Import(org.Service, tables);
        org.Service.Update(new Entity(VoiceSetting.EntityName, SettingCatalog.Find(SettingNames.EnableAudit)!.Id) { [VoiceSetting.Value] = "False" });
        ConfigurationDataImport.Import(org.Service, tables);

        Assert.Equal(tables.Sum(t => t.Records.Count), written);
        Assert.All(tables, t => Assert.Equal(t.Records.Select(r => r.Id).Order(), Rows(org.Service, t.Name).Select(r => r.Id).Order()));
        Assert.Equal("True", new VoiceSettings(org.Service).GetString(SettingNames.EnableAudit));
        Assert.Equal(VoiceForD365Data.WidgetUrlPlaceholder,
            org.Service.Retrieve(CiProvider.EntityName, VoiceForD365Data.CiProviderId, new ColumnSet(CiProvider.LandingUrl)).GetAttributeValue<string>(CiProvider.LandingUrl));
        Assert.Contains(org.Traces, t => t.Step.Contains(nameof(Plugins.Settings.VoiceSettingValidation), StringComparison.Ordinal));
    }
}
