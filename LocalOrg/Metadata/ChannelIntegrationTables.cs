using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Package;
using static VoiceForD365.Solution.Model.Columns;

namespace VoiceForD365.LocalOrg.Metadata;

/// <summary>
/// The tables of Microsoft's Channel Integration Framework (1.0 and 2.0) that the package's configuration data fills
/// (<see cref="VoiceForD365Data"/>): channel providers, the session template, the notification template and its fields.
/// A real organization has them once CIF is installed (configuration guide 1.1); the local organization has them unless
/// told otherwise (<see cref="OrganizationMetadata.WithSolution"/>), with the columns the data sets, read from that data
/// so the two cannot drift apart.
/// </summary>
public static class ChannelIntegrationTables
{
    private static readonly IReadOnlyList<CmtTable> Data = VoiceForD365Data.Tables().Where(t => t.Name != Core.Schema.VoiceSetting.EntityName).ToList();

    public static readonly IReadOnlyList<TableDefinition> All = [.. Data.Select(Table), .. Data.SelectMany(IntersectTables)];

    public static readonly IReadOnlyList<ManyToManyDefinition> ManyToMany = Data.SelectMany(t => t.ManyToMany.Select(r => Relationship(t, r))).ToList();

    private static TableDefinition Table(CmtTable data) =>
        new(data.Name, data.DisplayName, data.PrimaryIdField, data.PrimaryNameField)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns = [.. data.Fields.Select(Column), .. ActiveInactiveState(), .. Columns.System(userOwned: false)],
        };

    private static ColumnDefinition Column(CmtField field) => field.Type switch
    {
        CmtFieldType.Guid when field.PrimaryKey => PrimaryKey(field.Name, field.DisplayName),
        CmtFieldType.Guid => Guid(field.Name, field.DisplayName),
        CmtFieldType.Bool => YesNo(field.Name, field.DisplayName),
        CmtFieldType.Number => WholeNumber(field.Name, field.DisplayName),
        // Their options are Microsoft's; the local organization takes any value the data gives.
        CmtFieldType.OptionSetValue => Choice(field.Name, field.DisplayName),
        CmtFieldType.EntityReference => Lookup(field.Name, field.DisplayName, field.LookupType ?? throw new InvalidOperationException($"The lookup {field.Name} of the configuration data names no table.")),
        _ => Text(field.Name, field.DisplayName, 4000),
    };

    private static ManyToManyDefinition Relationship(CmtTable table, CmtManyToMany relationship) =>
        new(relationship.Name, relationship.Name, table.Name, table.PrimaryIdField, relationship.TargetTable, relationship.TargetPrimaryKey);

    private static IEnumerable<TableDefinition> IntersectTables(CmtTable table) =>
        table.ManyToMany.Select(r => StandardTables.Intersect(r.Name, r.Name + "id", table.PrimaryIdField, r.TargetPrimaryKey));
}
