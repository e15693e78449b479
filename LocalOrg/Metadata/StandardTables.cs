using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;
using static VoiceForD365.Solution.Model.Columns;

namespace VoiceForD365.LocalOrg.Metadata;

/// <summary>
/// The standard Dataverse tables the product touches, with the columns it reads or writes. Not the full platform
/// schema: a column missing here is refused like an unknown column, which keeps tests honest about what we use.
/// </summary>
public static class StandardTables
{
    private static IEnumerable<ColumnDefinition> Activity() =>
    [
        PrimaryKey(PhoneCall.PrimaryId, "Activity"),
        Text(PhoneCall.Subject, "Subject", 400),
        Memo(PhoneCall.Description, "Description", 2000),
        new ColumnDefinition(PhoneCall.RegardingObjectId, ColumnType.Lookup, "Regarding") { Targets = [Account.EntityName, Contact.EntityName, Lead.EntityName, Incident.EntityName] },
        Date(PhoneCall.ScheduledStart, "Scheduled Start"),
        Date(PhoneCall.ScheduledEnd, "Scheduled End"),
        Date(PhoneCall.ActualStart, "Actual Start"),
        Date(PhoneCall.ActualEnd, "Actual End"),
        WholeNumber(PhoneCall.ActualDurationMinutes, "Actual Duration", 0, int.MaxValue),
        new ColumnDefinition(PhoneCall.StateCode, ColumnType.State, "Activity Status") { Options = [new(0, "Open"), new(1, "Completed"), new(2, "Canceled")] },
        new ColumnDefinition(PhoneCall.StatusCode, ColumnType.Status, "Status Reason")
        {
            Options =
            [
                new(PhoneCall.StatusOpen, "Open") { State = PhoneCall.StateOpen }, new(PhoneCall.StatusMade, "Made") { State = PhoneCall.StateCompleted },
                new(PhoneCall.StatusCanceled, "Canceled") { State = PhoneCall.StateCanceled }, new(PhoneCall.StatusReceived, "Received") { State = PhoneCall.StateCompleted },
            ],
        },
        .. Columns.System(userOwned: true),
    ];

    public static readonly IReadOnlyList<TableDefinition> All =
    [
        new(BusinessUnit.EntityName, "Business Unit", BusinessUnit.PrimaryId, BusinessUnit.Name)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns = [PrimaryKey(BusinessUnit.PrimaryId, "Business Unit"), Text(BusinessUnit.Name, "Name", 160), .. Columns.System(userOwned: false)],
        },
        new(SystemUser.EntityName, "User", SystemUser.PrimaryId, SystemUser.FullName)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(SystemUser.PrimaryId, "User"),
                Text(SystemUser.FullName, "Full Name", 200),
                Text(SystemUser.FirstName, "First Name", 64),
                Text(SystemUser.LastName, "Last Name", 64),
                Text(SystemUser.DomainName, "User Name", 1024),
                Text(SystemUser.InternalEmailAddress, "Primary Email", 100),
                Text(SystemUser.MobilePhone, "Mobile Phone", 64),
                Guid(SystemUser.ApplicationId, "Application ID"),
                YesNo(SystemUser.IsDisabled, "Status"),
                Lookup(SystemUser.BusinessUnitId, "Business Unit", BusinessUnit.EntityName),
                .. Columns.System(userOwned: false),
            ],
        },
        new(Team.EntityName, "Team", Team.PrimaryId, Team.Name)
        {
            Columns = [PrimaryKey(Team.PrimaryId, "Team"), Text(Team.Name, "Team Name", 160), Lookup(Team.BusinessUnitId, "Business Unit", BusinessUnit.EntityName), .. Columns.System(userOwned: true)],
        },
        new(Role.EntityName, "Security Role", Role.PrimaryId, Role.Name)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns = [PrimaryKey(Role.PrimaryId, "Role"), Text(Role.Name, "Name", 100), Lookup(Role.BusinessUnitId, "Business Unit", BusinessUnit.EntityName), .. Columns.System(userOwned: false)],
        },
        Intersect(Relationships.SystemUserRolesIntersect, Relationships.SystemUserRolesIntersectId, SystemUser.PrimaryId, Role.PrimaryId),
        Intersect(Relationships.TeamMembershipIntersect, Relationships.TeamMembershipIntersectId, SystemUser.PrimaryId, Team.PrimaryId),
        Intersect(Relationships.TeamRolesIntersect, Relationships.TeamRolesIntersectId, Team.PrimaryId, Role.PrimaryId),
        new(Queue.EntityName, "Queue", Queue.PrimaryId, Queue.Name)
        {
            Columns = [PrimaryKey(Queue.PrimaryId, "Queue"), Text(Queue.Name, "Name", 400), Text(Queue.EmailAddress, "Incoming Email", 100), .. Columns.System(userOwned: true)],
        },
        new(QueueItem.EntityName, "Queue Item", QueueItem.PrimaryId, QueueItem.Title)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(QueueItem.PrimaryId, "Queue Item"),
                Text(QueueItem.Title, "Title", 300),
                Lookup(QueueItem.QueueId, "Queue", Queue.EntityName),
                Lookup(QueueItem.ObjectId, "Object", PhoneCall.EntityName, Incident.EntityName),
                Lookup(QueueItem.WorkerId, "Worked By", SystemUser.EntityName, Team.EntityName),
                .. Columns.System(userOwned: false),
            ],
        },
        new(PhoneCall.EntityName, "Phone Call", PhoneCall.PrimaryId, PhoneCall.Subject)
        {
            IsActivity = true,
            Columns =
            [
                .. Activity(),
                Text(PhoneCall.PhoneNumber, "Phone Number", 200),
                YesNo(PhoneCall.DirectionCode, "Direction"),
                PartyList(PhoneCall.From, "Call From"),
                PartyList(PhoneCall.To, "Call To"),
            ],
        },
        new(ActivityParty.EntityName, "Activity Party", ActivityParty.PrimaryId, null)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(ActivityParty.PrimaryId, "Activity Party"),
                Lookup(ActivityParty.ActivityId, "Activity", PhoneCall.EntityName),
                Lookup(ActivityParty.PartyId, "Party", SystemUser.EntityName, Team.EntityName, Contact.EntityName, Account.EntityName, Lead.EntityName, Queue.EntityName),
                Choice(ActivityParty.ParticipationTypeMask, "Participation Type", new(1, "Sender"), new(2, "To Recipient"), new(3, "CC Recipient"), new(5, "Required attendee"), new(8, "Regarding"), new(9, "Owner"), new(11, "Customer")),
                Text(ActivityParty.AddressUsed, "Address", 320),
            ],
        },
        new(Contact.EntityName, "Contact", Contact.PrimaryId, Contact.FullName)
        {
            Columns =
            [
                PrimaryKey(Contact.PrimaryId, "Contact"),
                Text(Contact.FullName, "Full Name", 160),
                Text(Contact.FirstName, "First Name", 50),
                Text(Contact.LastName, "Last Name", 50),
                Text(Contact.EmailAddress1, "Email", 100),
                Text(Contact.Telephone1, "Business Phone", 50),
                Text(Contact.Telephone2, "Home Phone", 50),
                Text(Contact.Telephone3, "Telephone 3", 50),
                Text(Contact.MobilePhone, "Mobile Phone", 50),
                Text(Contact.Business2, "Business Phone 2", 50),
                Text(Contact.Home2, "Home Phone 2", 50),
                Customer(Contact.ParentCustomerId, "Company Name"),
                .. Columns.ActiveInactiveState(),
                .. Columns.System(userOwned: true),
            ],
        },
        new(Account.EntityName, "Account", Account.PrimaryId, Account.Name)
        {
            Columns =
            [
                PrimaryKey(Account.PrimaryId, "Account"),
                Text(Account.Name, "Account Name", 160),
                Text(Account.Telephone1, "Main Phone", 50),
                Text(Account.Telephone2, "Other Phone", 50),
                Text(Account.Telephone3, "Telephone 3", 50),
                Text(Account.AccountNumber, "Account Number", 20),
                Lookup(Account.PrimaryContactId, "Primary Contact", Contact.EntityName),
                Currency(Account.Revenue, "Annual Revenue"),
                WholeNumber(Account.NumberOfEmployees, "Number of Employees", 0, 1000000000),
                Choice(Account.IndustryCode, "Industry", new(1, "Accounting"), new(2, "Agriculture"), new(3, "Broadcasting"), new(4, "Brokers"), new(5, "Building Supply Retail")),
                Choice(Account.AccountCategoryCode, "Category", new(AccountCategory.PreferredCustomer, "Preferred Customer"), new(AccountCategory.Standard, "Standard")),
                Lookup(Account.ParentAccountId, "Parent Account", Account.EntityName),
                .. Columns.ActiveInactiveState(),
                .. Columns.System(userOwned: true),
            ],
        },
        new(Lead.EntityName, "Lead", Lead.PrimaryId, Lead.FullName)
        {
            Columns =
            [
                PrimaryKey(Lead.PrimaryId, "Lead"),
                Text(Lead.FullName, "Name", 160),
                Text(Lead.FirstName, "First Name", 50),
                Text(Lead.LastName, "Last Name", 50),
                Text(Lead.CompanyName, "Company Name", 100),
                Text(Lead.Telephone1, "Business Phone", 50),
                Text(Lead.Telephone2, "Home Phone", 50),
                Text(Lead.Telephone3, "Other Phone", 50),
                Text(Lead.MobilePhone, "Mobile Phone", 20),
                Lookup(Lead.ParentAccountId, "Account", Account.EntityName),
                new ColumnDefinition(StandardColumns.StateCode, ColumnType.State, "Status") { Options = [new(Lead.StateOpen, "Open"), new(1, "Qualified"), new(2, "Disqualified")] },
                new ColumnDefinition(StandardColumns.StatusCode, ColumnType.Status, "Status Reason")
                {
                    Options = [new(1, "New"), new(2, "Contacted"), new(3, "Qualified"), new(4, "Lost"), new(5, "Cannot Contact"), new(6, "No Longer Interested"), new(7, "Canceled")],
                },
                .. Columns.System(userOwned: true),
            ],
        },
        new(Incident.EntityName, "Case", Incident.PrimaryId, Incident.Title)
        {
            Columns =
            [
                PrimaryKey(Incident.PrimaryId, "Case"),
                Text(Incident.Title, "Case Title", 200),
                Text(Incident.TicketNumber, "Case Number", 100),
                Customer(Incident.CustomerId, "Customer"),
                Choice(Incident.SeverityCode, "Severity", new OptionDefinition(1, "Default Value")),
                Choice(Incident.PriorityCode, "Priority", new(1, "High"), new(2, "Normal"), new(3, "Low")),
                Memo(Incident.Description, "Description", 2000),
                Choice(Incident.CaseOriginCode, "Origin", new(1, "Phone"), new(2, "Email"), new(3, "Web")),
                Choice(Incident.CaseTypeCode, "Case Type", new(1, "Question"), new(2, "Problem"), new(3, "Request")),
                new ColumnDefinition(Incident.StateCode, ColumnType.State, "Status") { Options = [new(0, "Active"), new(1, "Resolved"), new(2, "Cancelled")] },
                new ColumnDefinition(Incident.StatusCode, ColumnType.Status, "Status Reason")
                {
                    Options = [new(1, "In Progress"), new(2, "On Hold"), new(3, "Waiting for Details"), new(4, "Researching"), new(5, "Problem Solved"), new(1000, "Information Provided"), new(6, "Cancelled"), new(2000, "Merged")],
                },
                .. Columns.System(userOwned: true),
            ],
        },
        new(EnvironmentVariableDefinition.EntityName, "Environment Variable Definition", EnvironmentVariableDefinition.PrimaryId, EnvironmentVariableDefinition.SchemaName)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(EnvironmentVariableDefinition.PrimaryId, "Environment Variable Definition"),
                Text(EnvironmentVariableDefinition.SchemaName, "Schema Name", 100),
                Text(EnvironmentVariableDefinition.DisplayName, "Display Name", 100),
                Memo(EnvironmentVariableDefinition.Description, "Description", 2000),
                Memo(EnvironmentVariableDefinition.DefaultValue, "Default Value", 2000),
                Choice(EnvironmentVariableDefinition.Type, "Type",
                    new(EnvironmentVariableDefinition.TypeString, "String"), new(100000001, "Number"), new(100000002, "Boolean"),
                    new(100000003, "JSON"), new(100000004, "Data source"), new(EnvironmentVariableDefinition.TypeSecret, "Secret")),
                .. Columns.ActiveInactiveState(),
                .. Columns.System(userOwned: false),
            ],
            Keys = [new AlternateKeyDefinition(EnvironmentVariableDefinition.SchemaNameKey, "Schema Name", [EnvironmentVariableDefinition.SchemaName])],
        },
        new(EnvironmentVariableValue.EntityName, "Environment Variable Value", EnvironmentVariableValue.PrimaryId, EnvironmentVariableValue.SchemaName)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(EnvironmentVariableValue.PrimaryId, "Environment Variable Value"),
                Text(EnvironmentVariableValue.SchemaName, "Schema Name", 100),
                Memo(EnvironmentVariableValue.Value, "Value", 2000),
                Lookup(EnvironmentVariableValue.DefinitionId, "Environment Variable Definition", EnvironmentVariableDefinition.EntityName),
                .. Columns.ActiveInactiveState(),
                .. Columns.System(userOwned: false),
            ],
        },
    ];

    public static readonly IReadOnlyList<ManyToManyDefinition> ManyToMany =
    [
        new(Relationships.SystemUserRoles, Relationships.SystemUserRolesIntersect, SystemUser.EntityName, SystemUser.PrimaryId, Role.EntityName, Role.PrimaryId),
        new(Relationships.TeamMembership, Relationships.TeamMembershipIntersect, SystemUser.EntityName, SystemUser.PrimaryId, Team.EntityName, Team.PrimaryId),
        new(Relationships.TeamRoles, Relationships.TeamRolesIntersect, Team.EntityName, Team.PrimaryId, Role.EntityName, Role.PrimaryId),
    ];

    internal static TableDefinition Intersect(string name, string primaryId, string column1, string column2) =>
        new(name, name, primaryId, null)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns = [PrimaryKey(primaryId, name), Guid(column1, column1), Guid(column2, column2)],
        };
}
