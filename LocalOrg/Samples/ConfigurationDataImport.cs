using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Package;

namespace VoiceForD365.LocalOrg.Samples;

/// <summary>
/// Imports configuration data (the package's <see cref="VoiceForD365Data"/>) as the Configuration Migration tool and
/// Package Deployer do: each record by its id, created when missing and updated with the exported columns when found
/// (Upsert, so the plug-ins on Create and Update run: the setting validation sees every setting), then its
/// many-to-many links. A table the organization doesn't have fails the import, as it does in Dataverse.
/// </summary>
public static class ConfigurationDataImport
{
    /// <summary>Imports the tables in their order; returns the number of records written.</summary>
    public static int Import(IOrganizationService service, IEnumerable<CmtTable> tables)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tables);
        var written = 0;
        foreach (var table in tables)
        {
            var fields = table.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var record in table.Records)
            {
                var row = new Entity(table.Name, record.Id);
                foreach (var value in record.Values.Where(v => v.Name != table.PrimaryIdField))
                    row[value.Name] = Value(fields[value.Name], value);
                service.Execute(new UpsertRequest { Target = row });
                written++;
            }
            foreach (var relationship in table.ManyToMany)
                foreach (var record in table.Records.Where(r => r.Related.ContainsKey(relationship.Name)))
                    Link(service, table, record, relationship);
        }
        return written;
    }

    private static void Link(IOrganizationService service, CmtTable table, CmtRecord record, CmtManyToMany relationship)
    {
        foreach (var target in record.Related[relationship.Name])
        {
            try
            {
                service.Associate(table.Name, record.Id, new Relationship(relationship.Name), [new EntityReference(relationship.TargetTable, target)]);
            }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail.ErrorCode == ErrorCodes.DuplicateRecord)
            {
                // Linked by an earlier import: the tool leaves it as it is.
            }
        }
    }

    private static object? Value(CmtField field, CmtValue value) => field.Type switch
    {
        CmtFieldType.Guid => Guid.Parse(value.Value),
        CmtFieldType.Number => int.Parse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture),
        CmtFieldType.Bool => bool.Parse(value.Value),
        CmtFieldType.OptionSetValue => new OptionSetValue(int.Parse(value.Value, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        CmtFieldType.EntityReference => new EntityReference(value.LookupTable ?? field.LookupType!, Guid.Parse(value.Value)),
        _ => value.Value,
    };
}
