namespace VoiceForD365.Core.Schema
{
    public static class Contact
    {
        public const string EntityName = "contact";
        public const string PrimaryId = "contactid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string EmailAddress1 = "emailaddress1";
        public const string Telephone1 = "telephone1";
        public const string MobilePhone = "mobilephone";
        public const string ParentCustomerId = "parentcustomerid";
        public const string OwnerId = "ownerid";
    }
}
