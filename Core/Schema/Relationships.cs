namespace VoiceForD365.Core.Schema
{
    public static class Relationships
    {
        public const string SystemUserRoles = "systemuserroles_association";
        public const string SystemUserRolesIntersect = "systemuserroles";
        public const string TeamMembership = "teammembership_association";
        public const string TeamMembershipIntersect = "teammembership";
        public const string TeamRoles = "teamroles_association";
        public const string TeamRolesIntersect = "teamroles";
    }
}
