namespace VoiceForD365.Core.Schema
{
    public static class EnvironmentVariableDefinition
    {
        public const string EntityName = "environmentvariabledefinition";
        public const string PrimaryId = "environmentvariabledefinitionid";
        public const string SchemaName = "schemaname";
        public const string SchemaNameKey = "environmentvariabledefinition_schemaname";
        public const string DisplayName = "displayname";
        public const string Description = "description";
        public const string DefaultValue = "defaultvalue";
        public const string Type = "type";
        public const int TypeString = 100000000;
        public const int TypeSecret = 100000005;
    }
}
