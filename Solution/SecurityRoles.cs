using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution;

/// <summary>
/// The three security roles of SPEC C1 with least privilege: each privilege is here because a piece of the role's work
/// needs it (the reason says which), and nothing else is. The packer writes them into the solution; tests that prove
/// "the work succeeds with exactly that role" read the same facts.
/// </summary>
/// <remarks>
/// Privilege names are Dataverse's: <c>prv</c> + access right + table schema name (<c>prvReadAccount</c>; phone calls
/// and every other activity share <c>prvReadActivity</c>, users are <c>User</c>). Our own tables are organization-owned,
/// so their privileges exist at Global depth only. The roles add to what every Dataverse user gets from the platform's
/// Basic User role (reading forms, views, apps); they do not repeat it.
/// </remarks>
public static class SecurityRoles
{
    private const PrivilegeDepth User = PrivilegeDepth.Basic;
    private const PrivilegeDepth Organization = PrivilegeDepth.Global;

    /// <summary>Agents: their Enreach User Id is kept current (holding the role is what makes a user a Voice user); they work their own phone calls.</summary>
    public static readonly SecurityRoleDefinition VoiceUser = new(Role.VoiceUser,
        "Agents using Voice for D365: their Enreach User Id is kept current and they work the phone calls Voice for D365 logs for them. May be given to a team.")
    {
        Privileges =
        [
            new(Privileges.Read(PhoneCall.EntityName), User, "See the phone calls logged for them (with the Voice columns)."),
            new(Privileges.Write(PhoneCall.EntityName), User, "Complete their phone calls and callback requests."),
            new(Privileges.Append(PhoneCall.EntityName), User, "Set Regarding on their phone calls."),
            new(Privileges.Read(CallbackProfile.EntityName), Organization, "See which callback profile a callback phone call came from."),
        ],
    };

    /// <summary>The application user the Enreach sync, the routing service and the plug-ins act as.</summary>
    public static readonly SecurityRoleDefinition VoiceApiUser = new(Role.VoiceApiUser,
        "The application user that the Enreach sync, the routing service and the plug-ins act as: reads settings, callback profiles and routing rules, matches callers, logs phone calls and keeps Enreach User Ids current.")
    {
        Privileges =
        [
            new(Privileges.Read(VoiceSetting.EntityName), Organization, "Read the Voice for D365 settings."),
            new(Privileges.Read(CallbackProfile.EntityName), Organization, "Read the callback profiles to sync."),
            new(Privileges.AppendTo(CallbackProfile.EntityName), Organization, "Link a callback phone call to its profile."),
            new(Privileges.Create(PhoneCall.EntityName), Organization, "Log calls and callback requests as phone calls."),
            new(Privileges.Read(PhoneCall.EntityName), Organization, "Find an already logged call (never log a call twice)."),
            new(Privileges.Write(PhoneCall.EntityName), Organization, "Complete and update logged phone calls."),
            new(Privileges.Append(PhoneCall.EntityName), Organization, "Set Regarding, Call From and Call To."),
            new(Privileges.Assign(PhoneCall.EntityName), Organization, "Give a phone call to its agent, the queue's owner or the default assignee."),
            new(Privileges.Read(Contact.EntityName), Organization, "Match a caller to a contact by number."),
            new(Privileges.AppendTo(Contact.EntityName), Organization, "Make the matched contact a party of the phone call."),
            new(Privileges.Read(Account.EntityName), Organization, "Match a caller to an account by number."),
            new(Privileges.AppendTo(Account.EntityName), Organization, "Make the matched account a party of the phone call."),
            new(Privileges.Read(Lead.EntityName), Organization, "Match a caller to a lead by number."),
            new(Privileges.AppendTo(Lead.EntityName), Organization, "Make the matched lead a party of the phone call."),
            new(Privileges.Read(SystemUser.EntityName), Organization, "Find the Dynamics user of an Enreach user."),
            new(Privileges.Write(SystemUser.EntityName), Organization, "Keep users' Enreach User Id current."),
            new(Privileges.AppendTo(SystemUser.EntityName), Organization, "Make the agent a party of the phone call."),
            new(Privileges.Read(Team.EntityName), Organization, "Find the members of teams that hold the Voice User role."),
            new(Privileges.Read(Role.EntityName), Organization, "Find who holds the Voice User role."),
            new(Privileges.Read(Queue.EntityName), Organization, "Read a callback profile's queue and its owner."),
            new(Privileges.AppendTo(Queue.EntityName), Organization, "Place a callback phone call in its queue."),
            new(Privileges.Create(QueueItem.EntityName), Organization, "Place a callback phone call in its queue."),
            new(Privileges.Read(QueueItem.EntityName), Organization, "See whether a phone call is already in its queue."),
            new(Privileges.Read(EnvironmentVariableDefinition.EntityName), Organization, "Read the Enreach API environment variables."),
            new(Privileges.Read(EnvironmentVariableValue.EntityName), Organization, "Read the Enreach API environment variables' values."),
            new(Privileges.Create(SyncState.EntityName), Organization, "Start a sync job's state (its lease and checkpoints) on the first run."),
            new(Privileges.Read(SyncState.EntityName), Organization, "Read a sync job's lease and checkpoints."),
            new(Privileges.Write(SyncState.EntityName), Organization, "Take and renew the lease and move the checkpoints."),
            new(Privileges.Create(SyncRun.EntityName), Organization, "Write the summary of each sync run."),
            new(Privileges.Read(RoutingRule.EntityName), Organization, "Read the routing rules the routing service applies."),
            new(Privileges.Read(Incident.EntityName), Organization, "Route callers by their open cases; give the Webex IVR the caller's latest active case."),
        ],
    };

    /// <summary>Administrators of Voice for D365: the Configurator app.</summary>
    public static readonly SecurityRoleDefinition VoiceAdminUser = new(Role.VoiceAdminUser,
        "Administrators of Voice for D365: the Configurator app, settings, callback profiles, routing rules, users' Enreach settings and the Enreach API environment variables.")
    {
        Privileges =
        [
            .. Privileges.AllOf(VoiceSetting.EntityName, "Maintain the Voice for D365 settings."),
            .. Privileges.AllOf(CallbackProfile.EntityName, "Maintain the callback profiles."),
            // A virtual table without Create, Update and Delete has no such privileges to give.
            new(Privileges.Read(CallbackList.EntityName), Organization, "See Enreach's callback lists and pick a callback profile's list by name."),
            new(Privileges.AppendTo(CallbackList.EntityName), Organization, "Pick a callback profile's list by name."),
            .. Privileges.AllOf(RoutingRule.EntityName, "Maintain the routing rules."),
            new(Privileges.Read(Queue.EntityName), Organization, "Choose a callback profile's queue."),
            new(Privileges.AppendTo(Queue.EntityName), Organization, "Choose a callback profile's queue."),
            new(Privileges.Read(SystemUser.EntityName), Organization, "See users and their Enreach User Id (User Settings)."),
            new(Privileges.Write(SystemUser.EntityName), Organization, "Set a user's Enreach User Email override."),
            new(Privileges.Read(Role.EntityName), Organization, "See who holds the Voice User role."),
            new(Privileges.Read(Team.EntityName), Organization, "See teams that hold the Voice User role."),
            new(Privileges.Read(EnvironmentVariableDefinition.EntityName), Organization, "See the Enreach API environment variables."),
            new(Privileges.Read(EnvironmentVariableValue.EntityName), Organization, "See the Enreach API settings."),
            new(Privileges.Create(EnvironmentVariableValue.EntityName), Organization, "Enter the Enreach API user and secret."),
            new(Privileges.Write(EnvironmentVariableValue.EntityName), Organization, "Change the Enreach API user and secret."),
            new(Privileges.Read(SyncState.EntityName), Organization, "See who holds a sync job's lease and how far it has synced."),
            new(Privileges.Read(SyncRun.EntityName), Organization, "See the sync runs: what each did with every call and why."),
        ],
    };

    public static IReadOnlyList<SecurityRoleDefinition> All { get; } = [VoiceUser, VoiceApiUser, VoiceAdminUser];

    /// <summary>Dataverse privilege names of the tables the roles touch.</summary>
    public static class Privileges
    {
        public static string Create(string table) => "prvCreate" + SchemaNameOf(table);

        public static string Read(string table) => "prvRead" + SchemaNameOf(table);

        public static string Write(string table) => "prvWrite" + SchemaNameOf(table);

        public static string Delete(string table) => "prvDelete" + SchemaNameOf(table);

        public static string Append(string table) => "prvAppend" + SchemaNameOf(table);

        public static string AppendTo(string table) => "prvAppendTo" + SchemaNameOf(table);

        public static string Assign(string table) => "prvAssign" + SchemaNameOf(table);

        /// <summary>Create, read, write, delete, append and append to at Global depth (an organization-owned table's full set).</summary>
        public static IEnumerable<RolePrivilegeDefinition> AllOf(string table, string reason) =>
        [
            new(Create(table), PrivilegeDepth.Global, reason),
            new(Read(table), PrivilegeDepth.Global, reason),
            new(Write(table), PrivilegeDepth.Global, reason),
            new(Delete(table), PrivilegeDepth.Global, reason),
            new(Append(table), PrivilegeDepth.Global, reason),
            new(AppendTo(table), PrivilegeDepth.Global, reason),
        ];

        /// <summary>
        /// The name a table's privileges carry: the schema name (our tables' schema name is their logical name); every
        /// activity table shares the Activity privileges; systemuser's are User.
        /// </summary>
        public static string SchemaNameOf(string table) => table switch
        {
            PhoneCall.EntityName => "Activity",
            SystemUser.EntityName => "User",
            Contact.EntityName => "Contact",
            Account.EntityName => "Account",
            Lead.EntityName => "Lead",
            Incident.EntityName => "Incident",
            Team.EntityName => "Team",
            Role.EntityName => "Role",
            Queue.EntityName => "Queue",
            QueueItem.EntityName => "QueueItem",
            EnvironmentVariableDefinition.EntityName => "EnvironmentVariableDefinition",
            EnvironmentVariableValue.EntityName => "EnvironmentVariableValue",
            _ when table.StartsWith(Publisher.Prefix + "_", StringComparison.Ordinal) => table,
            _ => throw new ArgumentOutOfRangeException(nameof(table), table, "No privilege name is known for this table."),
        };
    }
}
