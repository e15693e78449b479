namespace VoiceForD365.Core.Schema
{
    public static class Account
    {
        public const string EntityName = "account";
        public const string PrimaryId = "accountid";
        public const string Name = "name";
        public const string Telephone1 = "telephone1";
        public const string AccountNumber = "accountnumber";
        public const string PrimaryContactId = "primarycontactid";
        public const string Revenue = "revenue";
        public const string NumberOfEmployees = "numberofemployees";
        public const string IndustryCode = "industrycode";
        public const string OwnerId = "ownerid";
    }
}
