namespace VoiceForD365.Core.Schema
{
    /// <summary>The columns the platform gives every table (ownership ones only user- or team-owned tables).</summary>
    public static class SystemColumns
    {
        public const string OwnerId = "ownerid";
        public const string OwningBusinessUnit = "owningbusinessunit";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string CreatedOn = "createdon";
        public const string CreatedBy = "createdby";
        public const string ModifiedOn = "modifiedon";
        public const string ModifiedBy = "modifiedby";
    }
}
