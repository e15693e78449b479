using VoiceForD365.Core.Schema;

namespace VoiceForD365.Solution.Model;

/// <summary>Short constructors for column declarations.</summary>
public static class Columns
{
    public static ColumnDefinition PrimaryKey(string name, string display) => new(name, ColumnType.PrimaryKey, display) { IsSystemManaged = true };

    public static ColumnDefinition Text(string name, string display, int maxLength = 100, RequiredLevel required = RequiredLevel.None) =>
        new(name, ColumnType.String, display) { MaxLength = maxLength, RequiredLevel = required };

    public static ColumnDefinition Memo(string name, string display, int maxLength = 4000) => new(name, ColumnType.Memo, display) { MaxLength = maxLength };

    public static ColumnDefinition WholeNumber(string name, string display, int min = int.MinValue, int max = int.MaxValue) =>
        new(name, ColumnType.Integer, display) { MinValue = min, MaxValue = max };

    public static ColumnDefinition YesNo(string name, string display) => new(name, ColumnType.Boolean, display);

    public static ColumnDefinition Date(string name, string display) => new(name, ColumnType.DateTime, display);

    public static ColumnDefinition Decimal(string name, string display) => new(name, ColumnType.Decimal, display);

    public static ColumnDefinition Currency(string name, string display) => new(name, ColumnType.Money, display);

    public static ColumnDefinition Guid(string name, string display) => new(name, ColumnType.Uniqueidentifier, display);

    public static ColumnDefinition Lookup(string name, string display, params string[] targets) => new(name, ColumnType.Lookup, display) { Targets = targets };

    public static ColumnDefinition Customer(string name, string display) => new(name, ColumnType.Customer, display) { Targets = [Account.EntityName, Contact.EntityName] };

    public static ColumnDefinition Choice(string name, string display, params OptionDefinition[] options) => new(name, ColumnType.Picklist, display) { Options = options };

    public static ColumnDefinition PartyList(string name, string display) => new(name, ColumnType.PartyList, display);

    public static ColumnDefinition EntityName(string name, string display) => new(name, ColumnType.EntityName, display);

    /// <summary>ownerid plus the system columns every table has (created/modified on and by).</summary>
    public static IEnumerable<ColumnDefinition> System(bool userOwned)
    {
        if (userOwned)
        {
            yield return new ColumnDefinition(StandardColumns.OwnerId, ColumnType.Owner, "Owner") { Targets = [SystemUser.EntityName, Team.EntityName] };
            yield return new ColumnDefinition(StandardColumns.OwningBusinessUnit, ColumnType.Lookup, "Owning Business Unit") { Targets = [BusinessUnit.EntityName], IsSystemManaged = true };
        }
        yield return new ColumnDefinition(StandardColumns.CreatedOn, ColumnType.DateTime, "Created On") { IsSystemManaged = true };
        yield return new ColumnDefinition(StandardColumns.ModifiedOn, ColumnType.DateTime, "Modified On") { IsSystemManaged = true };
        yield return new ColumnDefinition(StandardColumns.CreatedBy, ColumnType.Lookup, "Created By") { Targets = [SystemUser.EntityName], IsSystemManaged = true };
        yield return new ColumnDefinition(StandardColumns.ModifiedBy, ColumnType.Lookup, "Modified By") { Targets = [SystemUser.EntityName], IsSystemManaged = true };
    }

    /// <summary>statecode/statuscode of a table with the usual Active/Inactive states.</summary>
    public static IEnumerable<ColumnDefinition> ActiveInactiveState()
    {
        yield return new ColumnDefinition(StandardColumns.StateCode, ColumnType.State, "Status") { Options = [new(0, "Active"), new(1, "Inactive")] };
        yield return new ColumnDefinition(StandardColumns.StatusCode, ColumnType.Status, "Status Reason") { Options = [new(1, "Active"), new(2, "Inactive")] };
    }
}
