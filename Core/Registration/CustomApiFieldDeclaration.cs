namespace VoiceForD365.Core.Registration
{
    /// <summary>A custom API's request parameter or response property (a response property is never optional).</summary>
    public sealed class CustomApiFieldDeclaration
    {
        public CustomApiFieldDeclaration(string uniqueName, CustomApiFieldType type, string description, bool isOptional)
        {
            UniqueName = uniqueName;
            Type = type;
            Description = description ?? "";
            IsOptional = isOptional;
        }

        public string UniqueName { get; }

        public CustomApiFieldType Type { get; }

        public string Description { get; }

        public bool IsOptional { get; }
    }
}
