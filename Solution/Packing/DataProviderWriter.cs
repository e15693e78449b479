using System.Xml.Linq;
using VoiceForD365.Core.Registration;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// A virtual table's custom data provider as Dataverse exports it: the entitydataprovider (customizations.xml's
/// <c>EntityDataProviders</c>: its name, its data source table, and the plug-in type of each message it implements) and
/// the data source record (<c>EntityDataSources</c>) the table names with <c>DataSourceId</c>. The table itself and its
/// data source table are written by <see cref="EntityWriter"/>.
/// </summary>
internal static class DataProviderWriter
{
    /// <summary>
    /// The provider of data source tables, which Dataverse ships: a data source table is itself virtual, its rows kept
    /// by Dataverse (as a public export of a custom provider's data source table shows).
    /// </summary>
    public static readonly Guid DataSourceTableProviderId = new("b2112a7e-b26c-42f7-9b63-9a809a9d716f");

    public static Guid ProviderId(VirtualTableSource source) => StableGuid.For("entitydataprovider", source.DataProviderName);

    public static Guid DataSourceId(VirtualTableSource source) => StableGuid.For("entitydatasource", $"{source.DataSourceTable.LogicalName}/{source.DataSourceName}");

    /// <summary>
    /// The virtual tables of the solution with their providers' declarations: each virtual table has main-operation
    /// steps, and every table with main-operation steps is virtual.
    /// </summary>
    /// <exception cref="PackingException">A virtual table without plug-ins, or plug-ins declared for a table that is not virtual.</exception>
    public static IReadOnlyList<(TableDefinition Table, DataProviderDeclaration Provider)> Providers(IEnumerable<TableDefinition> tables, IEnumerable<StepRegistration> steps)
    {
        IReadOnlyList<DataProviderDeclaration> declared;
        try
        {
            declared = DataProviderDeclaration.All(steps.Select(s => s.Declaration));
        }
        catch (ArgumentException e)
        {
            throw new PackingException(e.Message, e);
        }
        var virtualTables = tables.Where(t => t.IsVirtual).ToList();
        var stray = declared.FirstOrDefault(p => virtualTables.All(t => t.LogicalName != p.Table));
        if (stray is not null)
            throw new PackingException($"{stray.Operations[0].PluginTypeName} declares a main-operation step on {stray.Table}, which the solution does not declare as a virtual table (SolutionSchema).");
        return virtualTables.Select(t => (t, declared.FirstOrDefault(p => p.Table == t.LogicalName)
            ?? throw new PackingException($"The virtual table {t.LogicalName} has no data provider plug-ins: declare main-operation [PluginStep]s for its Retrieve and RetrieveMultiple."))).ToList();
    }

    /// <summary>The entitydataprovider, in the element order of CustomizationsSolution.xsd's EntityDataProviderType.</summary>
    public static XElement Provider(VirtualTableSource source, DataProviderDeclaration provider, Func<string, Guid> pluginTypeId)
    {
        var element = new XElement("EntityDataProvider",
            new XElement("EntityDataProviderId", Xml.Braced(ProviderId(source))),
            new XElement("Name", source.DataProviderName),
            new XElement("DataSourceLogicalName", source.DataSourceTable.LogicalName),
            new XElement("IsCustomizable", "1"));
        // The 9.0 schema has no elements for Create, Update and Delete: a provider written here implements only the reads.
        foreach (var message in provider.Operations.Select(o => o.Message))
        {
            if (message is not (Core.Schema.MessageNames.Retrieve or Core.Schema.MessageNames.RetrieveMultiple))
                throw new PackingException($"The data provider {source.DataProviderName} declares {message}, which the solution schema (9.0) cannot carry: a shipped provider implements Retrieve and RetrieveMultiple only.");
        }
        element.Add(
            new XElement("RetrievePluginTypeId", pluginTypeId(provider.Operation(Core.Schema.MessageNames.Retrieve)!.PluginTypeName).ToString("D")),
            new XElement("RetrieveMultiplePluginTypeId", pluginTypeId(provider.Operation(Core.Schema.MessageNames.RetrieveMultiple)!.PluginTypeName).ToString("D")));
        return element;
    }

    /// <summary>The data source record the virtual table names (its values none: the provider reads no configuration from it).</summary>
    public static XElement DataSource(VirtualTableSource source) =>
        new("EntityDataSource", new XAttribute("EntityDataSourceId", Xml.Braced(DataSourceId(source))),
            new XElement("Name", source.DataSourceName),
            new XElement("EntityDataProviderId", Xml.Braced(ProviderId(source))),
            new XElement("IsCustomizable", "1"));
}
