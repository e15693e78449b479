namespace VoiceForD365.Core.Schema
{
    public static class EnvironmentVariableValue
    {
        public const string EntityName = "environmentvariablevalue";
        public const string PrimaryId = "environmentvariablevalueid";
        public const string SchemaName = "schemaname";
        public const string Value = "value";
        public const string DefinitionId = "environmentvariabledefinitionid";
    }
}
