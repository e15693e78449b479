namespace VoiceForD365.Solution.Model;

/// <summary>
/// Where a virtual table's rows come from: the custom data provider that answers for it (Dataverse's
/// entitydataprovider, named <paramref name="DataProviderName"/>; its plug-ins are the table's main-operation
/// [PluginStep]s), the provider's data source table and the data source record the table uses, and the names the
/// external system gives the table (<paramref name="ExternalName"/>, <paramref name="ExternalCollectionName"/>).
/// Each column's external name is on the column (<see cref="ColumnDefinition.ExternalName"/>).
/// </summary>
public sealed record VirtualTableSource(
    string DataProviderName, TableDefinition DataSourceTable, string DataSourceName, string ExternalName, string ExternalCollectionName);
