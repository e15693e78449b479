namespace VoiceForD365.Core.Schema
{
    public static class ActivityParty
    {
        public const string EntityName = "activityparty";
        public const string PrimaryId = "activitypartyid";
        public const string PartyId = "partyid";
        public const string ActivityId = "activityid";
        public const string ParticipationTypeMask = "participationtypemask";
        public const string AddressUsed = "addressused";
    }
}
