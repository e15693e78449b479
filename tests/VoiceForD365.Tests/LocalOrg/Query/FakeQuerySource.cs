using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>An in-memory <see cref="IQuerySource"/> for query engine tests: account and contact tables, rows kept as given.</summary>
internal sealed class FakeQuerySource : IQuerySource
{
    public static readonly DateTime Now = new(2025, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    public static readonly TableDefinition Account = new TableDefinition("account", "Account", "accountid", "name")
    {
        Columns =
        [
            Columns.PrimaryKey("accountid", "Account"),
            Columns.Text("name", "Account Name", 160),
            Columns.Text("telephone1", "Main Phone", 50),
            Columns.Currency("revenue", "Annual Revenue"),
            Columns.WholeNumber("numberofemployees", "Number of Employees"),
            Columns.Date("createdon", "Created On"),
            Columns.Lookup("primarycontactid", "Primary Contact", "contact"),
            Columns.Choice("industrycode", "Industry", new OptionDefinition(1, "Zoology"), new OptionDefinition(2, "Agriculture"), new OptionDefinition(3, "Manufacturing")),
            Columns.YesNo("creditonhold", "Credit Hold"),
            Columns.Decimal("exchangerate", "Exchange Rate"),
            Columns.PartyList("participants", "Participants"),
        ],
    };

    public static readonly TableDefinition Contact = new TableDefinition("contact", "Contact", "contactid", "fullname")
    {
        Columns =
        [
            Columns.PrimaryKey("contactid", "Contact"),
            Columns.Text("fullname", "Full Name", 160),
            Columns.Customer("parentcustomerid", "Company Name"),
            Columns.Date("createdon", "Created On"),
            Columns.Text("emailaddress1", "Email", 100),
        ],
    };

    private readonly Dictionary<string, TableDefinition> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> _rows = new(StringComparer.Ordinal);

    public FakeQuerySource(params TableDefinition[] tables)
    {
        TableDefinition[] all = tables.Length == 0 ? [Account, Contact] : tables;
        foreach (var table in all)
        {
            _tables[table.LogicalName] = table;
            _rows[table.LogicalName] = [];
        }
    }

    public DateTime UtcNow { get; set; } = Now;

    /// <summary>How many times Rows was called (the engine should read each table once per query).</summary>
    public int RowReads { get; private set; }

    public TableDefinition Table(string logicalName) =>
        _tables.TryGetValue(logicalName, out var table) ? table : throw Faults.UnknownTable(logicalName);

    public IEnumerable<Entity> Rows(string logicalName)
    {
        Table(logicalName);
        RowReads++;
        return _rows[logicalName];
    }

    /// <summary>Stores the row itself (not a copy), with an id and its primary id attribute.</summary>
    public Entity Add(Entity row)
    {
        var table = Table(row.LogicalName);
        if (row.Id == Guid.Empty) row.Id = Guid.NewGuid();
        row[table.PrimaryIdColumn] = row.Id;
        _rows[row.LogicalName].Add(row);
        return row;
    }

    public Entity AddAccount(string? name, Action<Entity>? set = null)
    {
        var row = new Entity("account");
        if (name != null) row["name"] = name;
        set?.Invoke(row);
        return Add(row);
    }

    public Entity AddContact(string? fullName, Entity? parent = null, Action<Entity>? set = null)
    {
        var row = new Entity("contact");
        if (fullName != null) row["fullname"] = fullName;
        if (parent != null) row["parentcustomerid"] = new EntityReference(parent.LogicalName, parent.Id);
        set?.Invoke(row);
        return Add(row);
    }

    public void Remove(Entity row) => _rows[row.LogicalName].Remove(row);
}
