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

        // Participation types (participationtypemask) of the party list columns.
        public const int Sender = 1;
        public const int ToRecipient = 2;
        public const int CcRecipient = 3;
        public const int BccRecipient = 4;
        public const int RequiredAttendee = 5;
        public const int OptionalAttendee = 6;
        public const int Organizer = 7;
        public const int Resource = 10;
        public const int Customer = 11;

        /// <summary>The party list column of an activity that holds the parties of a participation type (from, to...); null for types no column holds.</summary>
        public static string? ColumnOf(int participationType)
        {
            switch (participationType)
            {
                case Sender: return "from";
                case ToRecipient: return "to";
                case CcRecipient: return "cc";
                case BccRecipient: return "bcc";
                case RequiredAttendee: return "requiredattendees";
                case OptionalAttendee: return "optionalattendees";
                case Organizer: return "organizer";
                case Resource: return "resources";
                case Customer: return "customers";
                default: return null;
            }
        }

        /// <summary>The participation type of a party list column (0 for a column that is not one).</summary>
        public static int ParticipationTypeOf(string column)
        {
            for (var type = Sender; type <= Customer; type++)
                if (ColumnOf(type) == column) return type;
            return 0;
        }
    }
}
