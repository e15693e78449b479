namespace VoiceForD365.Core.Schema
{
    /// <summary>The organization table: the one row describing the organization (its id is WhoAmI's OrganizationId).</summary>
    public static class Organization
    {
        public const string EntityName = "organization";
        public const string PrimaryId = "organizationid";
        public const string Name = "name";
    }
}
