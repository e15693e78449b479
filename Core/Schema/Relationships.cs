namespace VoiceForD365.Core.Schema
{
    public static class Relationships
    {
        public const string SystemUserRoles = "systemuserroles_association";
        public const string SystemUserRolesIntersect = "systemuserroles";
        public const string SystemUserRolesIntersectId = "systemuserroleid";
        public const string TeamMembership = "teammembership_association";
        public const string TeamMembershipIntersect = "teammembership";
        public const string TeamMembershipIntersectId = "teammembershipid";
        public const string TeamRoles = "teamroles_association";
        public const string TeamRolesIntersect = "teamroles";
        public const string TeamRolesIntersectId = "teamroleid";
    }
}
