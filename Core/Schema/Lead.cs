namespace VoiceForD365.Core.Schema
{
    public static class Lead
    {
        public const string EntityName = "lead";
        public const string PrimaryId = "leadid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string CompanyName = "companyname";

        /// <summary>statecode of a lead that is neither qualified nor disqualified (lead's states are Open, Qualified, Disqualified).</summary>
        public const int StateOpen = 0;

        // Phone columns callers are matched on, each with the number key column the solution adds (Core/Numbers).
        public const string Telephone1 = "telephone1";
        public const string Telephone2 = "telephone2";
        public const string Telephone3 = "telephone3";
        public const string MobilePhone = "mobilephone";
        public const string Telephone1Key = "vfd_telephone1key";
        public const string Telephone2Key = "vfd_telephone2key";
        public const string Telephone3Key = "vfd_telephone3key";
        public const string MobilePhoneKey = "vfd_mobilephonekey";

        /// <summary>The phone columns as one list, for the filtering attributes of the number key plug-in.</summary>
        public const string PhoneColumns = Telephone1 + "," + Telephone2 + "," + Telephone3 + "," + MobilePhone;

        public const string ParentAccountId = "parentaccountid";
    }
}
