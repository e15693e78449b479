namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// Dataverse's error codes (OrganizationServiceFault.ErrorCode; in the Web API's error JSON as hex, e.g.
    /// "0x80040217") for the outcomes the product tells apart.
    /// </summary>
    public static class ErrorCodes
    {
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);

        /// <summary>The organization has no table of that name (SDK requests; the Web API answers 404 with <see cref="ObjectDoesNotExist"/>).</summary>
        public const int EntityNotFound = unchecked((int)0x80041102);
        public const int InvalidArgument = unchecked((int)0x80040203);
        public const int DuplicateRecord = unchecked((int)0x80040237);
        public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
        public const int PluginError = unchecked((int)0x80040265);
        public const int PrivilegeDenied = unchecked((int)0x80040220);
        public const int RequestNotSupported = unchecked((int)0x80040800);
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
        public const int OptimisticConcurrencyNotEnabled = unchecked((int)0x80060883);
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x8006088d);

        /// <summary>An update of a record that is read-only in its state, such as a completed or canceled activity.</summary>
        public const int CannotUpdateBecauseItIsReadOnly = unchecked((int)0x8004022e);

        /// <summary>Service protection: too many requests in the 5-minute window.</summary>
        public const int ServiceProtectionRequests = unchecked((int)0x80072322);

        /// <summary>Service protection: too much combined execution time in the 5-minute window.</summary>
        public const int ServiceProtectionExecutionTime = unchecked((int)0x80072321);

        /// <summary>Service protection: too many concurrent requests.</summary>
        public const int ServiceProtectionConcurrency = unchecked((int)0x80072326);

        /// <summary>Whether the code is one of the three service protection limits (HTTP 429 in the Web API).</summary>
        public static bool IsServiceProtection(int code) =>
            code == ServiceProtectionRequests || code == ServiceProtectionExecutionTime || code == ServiceProtectionConcurrency;
    }
}
