namespace VoiceForD365.Core.Schema
{
    // The one source of every table, column and relationship name: plug-ins, the solution packer, the local
    // organization and the tests all use these constants.

    public static class Publisher
    {
        public const string Prefix = "vfd";
        public const string SolutionUniqueName = "VoiceForD365";
    }

    public static class VoiceSetting
    {
        public const string EntityName = "vfd_voicesetting";
        public const string PrimaryId = "vfd_voicesettingid";
        public const string Name = "vfd_name";
        public const string GroupName = "vfd_groupname";
        public const string Value = "vfd_value";
        public const string LongValue = "vfd_longvalue";
        public const string Description = "vfd_description";
        public const string NameKey = "vfd_voicesetting_name";
        public const string StateCode = "statecode";
        public const int StateActive = 0;
    }

    public static class CallbackProfile
    {
        public const string EntityName = "vfd_callbackprofile";
        public const string PrimaryId = "vfd_callbackprofileid";
        public const string Name = "vfd_name";
        public const string CallbackListId = "vfd_callbacklistid";
        public const string CallbackListName = "vfd_callbacklistname";
        public const string QueueId = "vfd_queueid";
        public const string AgeTimeUnit = "vfd_agetimeunit";
        public const string CallbackAge = "vfd_callbackage";
        public const string OwnershipRule = "vfd_ownershiprule";
        public const string PhoneCallSubject = "vfd_phonecallsubject";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const int StateActive = 0;
    }

    public static class AgeTimeUnit
    {
        public const int Days = 100000000;
        public const int Hours = 100000001;
        public const int Minutes = 100000002;
    }

    public static class OwnershipRule
    {
        public const int ApiUser = 100000000;
        public const int OwnerOfQueue = 100000001;
    }

    public static class CallType
    {
        public const int Direct = 100000000;
        public const int Service = 100000001;
        public const int Callback = 100000002;
    }

    public static class SystemUser
    {
        public const string EntityName = "systemuser";
        public const string PrimaryId = "systemuserid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string DomainName = "domainname";
        public const string InternalEmailAddress = "internalemailaddress";
        public const string ApplicationId = "applicationid";
        public const string IsDisabled = "isdisabled";
        public const string BusinessUnitId = "businessunitid";
        public const string EnreachUserId = "vfd_enreachuserid";
        public const string EnreachUserEmail = "vfd_enreachuseremail";
    }

    public static class Team
    {
        public const string EntityName = "team";
        public const string PrimaryId = "teamid";
        public const string Name = "name";
        public const string BusinessUnitId = "businessunitid";
    }

    public static class Role
    {
        public const string EntityName = "role";
        public const string PrimaryId = "roleid";
        public const string Name = "name";
        public const string BusinessUnitId = "businessunitid";
        public const string VoiceUser = "Voice User";
        public const string VoiceApiUser = "Voice ApiUser";
        public const string VoiceAdminUser = "Voice Admin User";
    }

    public static class BusinessUnit
    {
        public const string EntityName = "businessunit";
        public const string PrimaryId = "businessunitid";
        public const string Name = "name";
    }

    public static class Relationships
    {
        public const string SystemUserRoles = "systemuserroles_association";
        public const string SystemUserRolesIntersect = "systemuserroles";
        public const string TeamMembership = "teammembership_association";
        public const string TeamMembershipIntersect = "teammembership";
        public const string TeamRoles = "teamroles_association";
        public const string TeamRolesIntersect = "teamroles";
    }

    public static class Queue
    {
        public const string EntityName = "queue";
        public const string PrimaryId = "queueid";
        public const string Name = "name";
        public const string OwnerId = "ownerid";
    }

    public static class QueueItem
    {
        public const string EntityName = "queueitem";
        public const string PrimaryId = "queueitemid";
        public const string QueueId = "queueid";
        public const string ObjectId = "objectid";
    }

    public static class PhoneCall
    {
        public const string EntityName = "phonecall";
        public const string PrimaryId = "activityid";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string PhoneNumber = "phonenumber";
        public const string DirectionCode = "directioncode";
        public const string From = "from";
        public const string To = "to";
        public const string RegardingObjectId = "regardingobjectid";
        public const string ScheduledStart = "scheduledstart";
        public const string ActualStart = "actualstart";
        public const string ActualDurationMinutes = "actualdurationminutes";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string EnreachCallId = "vfd_enreachcallid";
        public const string EnreachApiAudit = "vfd_enreachapiaudit";
        public const string CallType = "vfd_calltype";
        public const string QueueName = "vfd_queuename";
        public const string CallbackProfileId = "vfd_callbackprofileid";
        public const string CallbackRequestId = "vfd_callbackrequestid";
        public const string RecordingUrl = "vfd_recordingurl";
        public const string EnreachCallIdKey = "vfd_phonecall_enreachcallid";
        public const int StateOpen = 0;
    }

    public static class ActivityParty
    {
        public const string EntityName = "activityparty";
        public const string PrimaryId = "activitypartyid";
        public const string PartyId = "partyid";
        public const string ActivityId = "activityid";
        public const string ParticipationTypeMask = "participationtypemask";
        public const string AddressUsed = "addressused";
    }

    public static class Contact
    {
        public const string EntityName = "contact";
        public const string PrimaryId = "contactid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string EmailAddress1 = "emailaddress1";
        public const string Telephone1 = "telephone1";
        public const string MobilePhone = "mobilephone";
        public const string ParentCustomerId = "parentcustomerid";
        public const string OwnerId = "ownerid";
    }

    public static class Account
    {
        public const string EntityName = "account";
        public const string PrimaryId = "accountid";
        public const string Name = "name";
        public const string Telephone1 = "telephone1";
        public const string AccountNumber = "accountnumber";
        public const string PrimaryContactId = "primarycontactid";
        public const string OwnerId = "ownerid";
    }

    public static class Lead
    {
        public const string EntityName = "lead";
        public const string PrimaryId = "leadid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string CompanyName = "companyname";
        public const string Telephone1 = "telephone1";
        public const string MobilePhone = "mobilephone";
    }

    public static class Incident
    {
        public const string EntityName = "incident";
        public const string PrimaryId = "incidentid";
        public const string Title = "title";
        public const string TicketNumber = "ticketnumber";
        public const string CustomerId = "customerid";
        public const string SeverityCode = "severitycode";
        public const string PriorityCode = "prioritycode";
    }

    public static class EnvironmentVariableDefinition
    {
        public const string EntityName = "environmentvariabledefinition";
        public const string PrimaryId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string DisplayName = "displayname";
        public const string Description = "description";
        public const string DefaultValue = "defaultvalue";
        public const string Type = "type";
        public const int TypeString = 100000000;
        public const int TypeSecret = 100000005;
    }

    public static class EnvironmentVariableValue
    {
        public const string EntityName = "environmentvariablevalue";
        public const string PrimaryId = "environmentvariablevalueid";
        public const string SchemaName = "schemaname";
        public const string Value = "value";
        public const string DefinitionId = "environmentvariabledefinitionid";
    }

    public static class Messages
    {
        public const string Create = "Create";
        public const string Update = "Update";
        public const string Delete = "Delete";
        public const string Retrieve = "Retrieve";
        public const string RetrieveMultiple = "RetrieveMultiple";
        public const string Associate = "Associate";
        public const string Disassociate = "Disassociate";
        public const string Upsert = "Upsert";
        public const string Assign = "Assign";
        public const string AddToQueue = "AddToQueue";
        public const string WhoAmI = "WhoAmI";
        public const string RetrieveEnvironmentVariableSecretValue = "RetrieveEnvironmentVariableSecretValue";

        /// <summary>The request AddMembersTeamRequest; plug-ins see it as the message <see cref="AddMembers"/> of team.</summary>
        public const string AddMembersTeam = "AddMembersTeam";
        public const string AddMembers = "AddMembers";
    }
}
