namespace VoiceForD365.Core.Schema
{
    /// <summary>A process (workflow): the OwningExtension of the activities a process runs. Only an activated definition runs.</summary>
    public static class Workflow
    {
        public const string EntityName = "workflow";
        public const string PrimaryId = "workflowid";
        public const string Name = "name";
        public const string UniqueName = "uniquename";
        public const string Description = "description";
        public const string PrimaryEntity = "primaryentity";
        public const string Category = "category";
        public const string Mode = "mode";

        /// <summary>Definition, activation (the copy Dataverse runs, made when the definition is activated) or template.</summary>
        public const string Type = "type";
        public const int TypeDefinition = 1;
        public const int TypeActivation = 2;
        public const int TypeTemplate = 3;
        public const string StateCode = StandardColumns.StateCode;
        public const string StatusCode = StandardColumns.StatusCode;
        public const int StateDraft = 0;
        public const int StateActivated = 1;
        public const int StateSuspended = 2;
        public const int StatusDraft = 1;
        public const int StatusActivated = 2;
    }
}
