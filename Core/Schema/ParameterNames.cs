namespace VoiceForD365.Core.Schema
{
    /// <summary>The names Dataverse gives the input and output parameters of the messages the product sends or handles.</summary>
    public static class ParameterNames
    {
        public const string Target = "Target";

        /// <summary>The record whose state SetState changes.</summary>
        public const string EntityMoniker = "EntityMoniker";
        public const string ColumnSet = "ColumnSet";
        public const string Query = "Query";
        public const string EntityCollection = "EntityCollection";
        public const string Entity = "Entity";

        /// <summary>What a virtual table's data provider answers Retrieve with.</summary>
        public const string BusinessEntity = "BusinessEntity";

        /// <summary>What a virtual table's data provider answers RetrieveMultiple with.</summary>
        public const string BusinessEntityCollection = "BusinessEntityCollection";
        public const string Id = "id";
        public const string Relationship = "Relationship";
        public const string RelatedEntities = "RelatedEntities";
        public const string TeamId = "TeamId";
        public const string MemberIds = "MemberIds";
        public const string Assignee = "Assignee";
        public const string DestinationQueueId = "DestinationQueueId";
        public const string QueueItemId = "QueueItemId";
        public const string RecordCreated = "RecordCreated";
        public const string UserId = "UserId";
        public const string BusinessUnitId = "BusinessUnitId";
        public const string OrganizationId = "OrganizationId";
        public const string EnvironmentVariableName = "EnvironmentVariableName";
        public const string EnvironmentVariableSecretValue = "EnvironmentVariableSecretValue";

        /// <summary>RetrieveVersion's answer, e.g. "9.2.24121.190".</summary>
        public const string Version = "Version";
    }
}
