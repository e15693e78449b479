namespace VoiceForD365.Core.Schema
{
    public static class Account
    {
        public const string EntityName = "account";
        public const string PrimaryId = "accountid";
        public const string Name = "name";
        public const string AccountNumber = "accountnumber";
        public const string PrimaryContactId = "primarycontactid";
        public const string Revenue = "revenue";
        public const string NumberOfEmployees = "numberofemployees";
        public const string IndustryCode = "industrycode";
        public const string OwnerId = "ownerid";
        public const int StateActive = 0;

        // Phone columns callers are matched on, each with the number key column the solution adds (Core/Numbers).
        public const string Telephone1 = "telephone1";
        public const string Telephone2 = "telephone2";
        public const string Telephone3 = "telephone3";
        public const string Telephone1Key = "vfd_telephone1key";
        public const string Telephone2Key = "vfd_telephone2key";
        public const string Telephone3Key = "vfd_telephone3key";

        /// <summary>The phone columns as one list, for the filtering attributes of the number key plug-in.</summary>
        public const string PhoneColumns = Telephone1 + "," + Telephone2 + "," + Telephone3;

        public const string ParentAccountId = "parentaccountid";

        /// <summary>Category (Dataverse's accountcategorycode): Preferred Customer or Standard, what a VIP routing rule reads.</summary>
        public const string AccountCategoryCode = "accountcategorycode";
    }

    public static class AccountCategory
    {
        public const int PreferredCustomer = 1;
        public const int Standard = 2;
    }
}
