namespace VoiceForD365.Core.Schema
{
    public static class MessageNames
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

        /// <summary>The organization's Dataverse version (a function in the Web API: <c>GET RetrieveVersion()</c>).</summary>
        public const string RetrieveVersion = "RetrieveVersion";

        /// <summary>A process run on demand: the message of a custom workflow activity run outside any trigger.</summary>
        public const string ExecuteWorkflow = "ExecuteWorkflow";

        /// <summary>The request AddMembersTeamRequest; plug-ins see it as the message <see cref="AddMembers"/> of team.</summary>
        public const string AddMembersTeam = "AddMembersTeam";
        public const string AddMembers = "AddMembers";

        // Platform messages the packer knows the SDK message ids of.
        public const string GrantAccess = "GrantAccess";
        public const string Merge = "Merge";
        public const string ModifyAccess = "ModifyAccess";
        public const string RetrievePrincipalAccess = "RetrievePrincipalAccess";
        public const string RetrieveSharedPrincipalsAndAccess = "RetrieveSharedPrincipalsAndAccess";
        public const string RevokeAccess = "RevokeAccess";
        public const string SetState = "SetState";
        public const string SetStateDynamicEntity = "SetStateDynamicEntity";
    }
}
