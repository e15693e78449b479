namespace VoiceForD365.Core.Schema
{
    /// <summary>Columns every table has (created and modified on and by), every user-owned table (owner, owning business unit) and every table with a state.</summary>
    public static class StandardColumns
    {
        public const string CreatedOn = "createdon";
        public const string ModifiedOn = "modifiedon";
        public const string CreatedBy = "createdby";
        public const string ModifiedBy = "modifiedby";
        public const string OwnerId = "ownerid";
        public const string OwningBusinessUnit = "owningbusinessunit";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
    }
}
