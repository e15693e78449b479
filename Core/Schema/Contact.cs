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
        public const string ParentCustomerId = "parentcustomerid";
        public const string OwnerId = "ownerid";
        public const int StateActive = 0;

        // Phone columns callers are matched on, each with the number key column the solution adds (Core/Numbers).
        public const string Telephone1 = "telephone1";
        public const string Telephone2 = "telephone2";
        public const string Telephone3 = "telephone3";
        public const string MobilePhone = "mobilephone";
        public const string Business2 = "business2";
        public const string Home2 = "home2";
        public const string Telephone1Key = "vfd_telephone1key";
        public const string Telephone2Key = "vfd_telephone2key";
        public const string Telephone3Key = "vfd_telephone3key";
        public const string MobilePhoneKey = "vfd_mobilephonekey";
        public const string Business2Key = "vfd_business2key";
        public const string Home2Key = "vfd_home2key";

        /// <summary>The phone columns as one list, for the filtering attributes of the number key plug-in.</summary>
        public const string PhoneColumns = Telephone1 + "," + Telephone2 + "," + Telephone3 + "," + MobilePhone + "," + Business2 + "," + Home2;
    }
}
