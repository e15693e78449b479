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
        public const string Telephone1 = "telephone1";
        public const string MobilePhone = "mobilephone";
    }
}
