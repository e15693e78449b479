using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins.Numbers;

namespace VoiceForD365.Tests.Numbers;

/// <summary>
/// A local organization with the number key plug-in (or without it, as an organization whose records were saved before
/// the solution), a clock the test moves (createdon decides the order of matches), and builders for customers.
/// </summary>
public sealed class NumbersOrg
{
    private DateTime _now = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    public NumbersOrg(bool withKeyPlugin = true, params Type[] otherPlugins) =>
        Org = new LocalOrganization(new LocalOrganizationOptions
        {
            PluginTypes = [.. withKeyPlugin ? [typeof(NumberKeysOnPhoneChange)] : Array.Empty<Type>(), .. otherPlugins],
            UtcNow = () => _now,
        });

    public LocalOrganization Org { get; }

    public IOrganizationService Service => Org.Service;

    /// <summary>Moves the clock on, so the next record is newer than the last.</summary>
    public void Later(int minutes = 1) => _now = _now.AddMinutes(minutes);

    public Guid Contact(string name, params (string Column, string? Number)[] phones) => Create(Core.Schema.Contact.EntityName, Core.Schema.Contact.FullName, name, phones);

    public Guid Account(string name, params (string Column, string? Number)[] phones) => Create(Core.Schema.Account.EntityName, Core.Schema.Account.Name, name, phones);

    public Guid Lead(string name, params (string Column, string? Number)[] phones) => Create(Core.Schema.Lead.EntityName, Core.Schema.Lead.FullName, name, phones);

    public void Deactivate(string table, Guid id, int state = 1, int status = 2) =>
        Service.Update(new Entity(table, id) { [StandardColumns.StateCode] = new OptionSetValue(state), [StandardColumns.StatusCode] = new OptionSetValue(status) });

    /// <summary>The record's key columns that hold a value.</summary>
    public IReadOnlyDictionary<string, string> Keys(string table, Guid id)
    {
        var customer = CustomerTables.Find(table)!;
        var record = Service.Retrieve(table, id, new ColumnSet(customer.KeyColumnNames.ToArray()));
        return customer.KeyColumnNames.Where(c => record.GetAttributeValue<string>(c) is not null)
            .ToDictionary(c => c, c => record.GetAttributeValue<string>(c)!, StringComparer.Ordinal);
    }

    private Guid Create(string table, string nameColumn, string name, (string Column, string? Number)[] phones)
    {
        var record = new Entity(table) { [nameColumn] = name };
        foreach (var (column, number) in phones) record[column] = number;
        var id = Service.Create(record);
        Later();
        return id;
    }
}
