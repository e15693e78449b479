namespace VoiceForD365.Core.Schema
{
    public static class SystemUser
    {
        public const string EntityName = "systemuser";
        public const string PrimaryId = "systemuserid";
        public const string FullName = "fullname";
        public const string FirstName = "firstname";
        public const string LastName = "lastname";
        public const string DomainName = "domainname";
        public const string InternalEmailAddress = "internalemailaddress";
        public const string ApplicationId = "applicationid";
        public const string IsDisabled = "isdisabled";
        public const string MobilePhone = "mobilephone";
        public const string BusinessUnitId = "businessunitid";
        public const string EnreachUserId = "vfd_enreachuserid";
        public const string EnreachUserEmail = "vfd_enreachuseremail";
    }
}
