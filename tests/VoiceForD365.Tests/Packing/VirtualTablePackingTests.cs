using System.Xml.Linq;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins;
using VoiceForD365.Tests.ApiGate;
using Xunit;

namespace VoiceForD365.Tests.Packing;

/// <summary>
/// The Callback List virtual table in the packed zip: the table with its external names, its data provider, data
/// source table and data source, as Dataverse imports a virtual table with a custom data provider; and the same
/// provider as the local organization runs it from the declarations the packer read.
/// </summary>
[Collection(ApiGateCollection.Name)]
public sealed class VirtualTablePackingTests
{
    // Dataverse's own provider of data source tables (what every custom provider's data source table names).
    private const string DataSourceTableProvider = "{b2112a7e-b26c-42f7-9b63-9a809a9d716f}";

    private readonly PackedSolution _packed;

    public VirtualTablePackingTests(ApiGateFixture gate) => _packed = PackedSolution.Of(gate);

    private XElement Customizations => _packed.Unmanaged.Customizations;

    private XElement TableInfo(string logicalName) =>
        Customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == logicalName).Element("EntityInfo")!.Element("entity")!;

    private XElement Provider => Assert.Single(Customizations.Element("EntityDataProviders")!.Elements("EntityDataProvider"));

    private string PluginTypeId(string typeName) =>
        Customizations.Descendants("PluginType").Single(t => (string)t.Attribute("Name")! == typeName).Attribute("PluginTypeId")!.Value;

    [Fact]
    public void CallbackListTable_Should_NameItsDataProviderDataSourceAndEnreachsFieldNames()
    {
        var table = TableInfo(CallbackList.EntityName);
        var dataSource = Assert.Single(Customizations.Element("EntityDataSources")!.Elements("EntityDataSource"));

        Assert.Equal(Provider.Element("EntityDataProviderId")!.Value, table.Element("DataProviderId")!.Value);
        Assert.Equal((string)dataSource.Attribute("EntityDataSourceId")!, table.Element("DataSourceId")!.Value);
        Assert.Equal(Provider.Element("EntityDataProviderId")!.Value, dataSource.Element("EntityDataProviderId")!.Value);
        Assert.Equal(("CallbackList", EnreachAssumptions.CallbackListsPath), (table.Element("ExternalName")!.Value, table.Element("ExternalCollectionName")!.Value));
        Assert.Equal(
            [
                (CallbackList.PrimaryId, EnreachAssumptions.CallbackListId), (CallbackList.Name, EnreachAssumptions.CallbackListName),
                (CallbackList.Description, EnreachAssumptions.CallbackListDescription), (CallbackList.EnreachQueueId, EnreachAssumptions.CallbackListQueueId),
                (CallbackList.QueueName, EnreachAssumptions.CallbackListQueueName),
            ],
            table.Element("attributes")!.Elements("attribute").Select(a => (a.Element("LogicalName")!.Value, a.Element("ExternalName")!.Value)));
        // What a virtual table can't have is off.
        Assert.All(new[] { "IsAuditEnabled", "IsDuplicateCheckSupported", "ChangeTrackingEnabled", "IsQuickCreateEnabled" }, e => Assert.Equal("0", table.Element(e)!.Value));
        Assert.All(table.Element("attributes")!.Elements("attribute"), a => Assert.Equal("0", a.Element("IsAuditEnabled")!.Value));
        Assert.Null(table.Element("EntityKeys"));
    }

    [Fact]
    public void DataProvider_Should_AnswerRetrieveAndRetrieveMultipleWithTheCallbackListPluginTypesAndNoSteps()
    {
        Assert.Equal("Voice for D365 Enreach Data Provider", Provider.Element("Name")!.Value);
        Assert.Equal(PluginTypeId("VoiceForD365.Plugins.Callbacks.CallbackListRetrieve"), Provider.Element("RetrievePluginTypeId")!.Value);
        Assert.Equal(PluginTypeId("VoiceForD365.Plugins.Callbacks.CallbackListRetrieveMultiple"), Provider.Element("RetrieveMultiplePluginTypeId")!.Value);
        // Dataverse runs a data provider's plug-ins from the provider: a step on the virtual table would run them twice.
        Assert.DoesNotContain(Customizations.Descendants("SdkMessageProcessingStep"), s => s.Element("PrimaryEntity")?.Value == CallbackList.EntityName);
        Assert.Contains(_packed.Unmanaged.RootComponents, r => (int)r.Attribute("type")! == 181 && (string?)r.Attribute("schemaName") == Provider.Element("Name")!.Value);
    }

    [Fact]
    public void DataSourceTable_Should_BeVirtualUnderDataversesDataSourceProvider()
    {
        var dataSourceTable = Provider.Element("DataSourceLogicalName")!.Value;

        var table = TableInfo(dataSourceTable);

        Assert.Equal(EnreachDataSource.EntityName, dataSourceTable);
        Assert.Equal(DataSourceTableProvider, table.Element("DataProviderId")!.Value);
        Assert.Null(table.Element("DataSourceId"));
        Assert.Equal(EnreachDataSource.RecordName, Customizations.Element("EntityDataSources")!.Element("EntityDataSource")!.Element("Name")!.Value);
    }

    [Fact]
    public void LocalOrganization_Should_RunAsTheProviderThePluginTypesTheZipNames()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });

        var provider = Assert.Single(org.DataProviders);

        Assert.Equal(CallbackList.EntityName, provider.Table);
        Assert.Equal(
            (Provider.Element("RetrievePluginTypeId")!.Value, Provider.Element("RetrieveMultiplePluginTypeId")!.Value),
            (PluginTypeId(provider.Operation(MessageNames.Retrieve)!.PluginType.FullName!), PluginTypeId(provider.Operation(MessageNames.RetrieveMultiple)!.PluginType.FullName!)));
        Assert.Null(provider.Operation(MessageNames.Create));
    }
}
