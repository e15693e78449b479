namespace VoiceForD365.Core.Schema
{
    // The routing rules table (SPEC C7) and its choices: which callers, calling which numbers, go where.

    public static class RoutingRule
    {
        public const string EntityName = "vfd_routingrule";
        public const string PrimaryId = "vfd_routingruleid";
        public const string Name = "vfd_name";

        /// <summary>Rules are evaluated by this whole number, lowest first; the first that applies wins.</summary>
        public const string Order = "vfd_order";
        public const string CallerKind = "vfd_callerkind";

        /// <summary>A column of the caller (<c>accountcategorycode</c>) or of its parent account (<c>parentaccount.accountcategorycode</c>).</summary>
        public const string ConditionColumn = "vfd_conditioncolumn";
        public const string ConditionOperator = "vfd_conditionoperator";
        public const string ConditionValue = "vfd_conditionvalue";
        public const string OpenCasePriority = "vfd_opencasepriority";

        /// <summary>The called numbers (Enreach's bnum) the rule is for, comma separated; empty: every number.</summary>
        public const string CalledNumbers = "vfd_callednumbers";
        public const string InitialTarget = "vfd_initialtarget";
        public const string FailTarget = "vfd_failtarget";
        public const string Description = "vfd_description";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const int StateActive = 0;

        /// <summary>The prefix of a condition column of the caller's parent account.</summary>
        public const string ParentAccountPrefix = "parentaccount.";
    }

    /// <summary>Which callers a routing rule applies to.</summary>
    public static class RoutingCallerKind
    {
        public const int Contact = 100000000;
        public const int Account = 100000001;
        public const int Lead = 100000002;

        /// <summary>A caller found as one contact, account or lead (or the first of several with MultipleMatchesPickFirst).</summary>
        public const int AnyKnown = 100000003;

        /// <summary>A number no contact, account or lead has.</summary>
        public const int Unknown = 100000004;

        /// <summary>Every caller: known, unknown, or found several times.</summary>
        public const int AnyCaller = 100000005;
    }

    /// <summary>How a routing rule's condition compares the column with its value.</summary>
    public static class RoutingConditionOperator
    {
        public const int EqualTo = 100000000;
        public const int NotEqualTo = 100000001;
        public const int Contains = 100000002;
        public const int HasValue = 100000003;
        public const int HasNoValue = 100000004;
    }

    /// <summary>A routing rule's open-case condition: the caller has an active case of this priority.</summary>
    public static class RoutingOpenCasePriority
    {
        public const int Any = 100000000;
        public const int High = 100000001;
        public const int Normal = 100000002;
        public const int Low = 100000003;
    }
}
