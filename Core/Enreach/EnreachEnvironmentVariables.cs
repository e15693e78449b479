using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Schema names of the Dataverse environment variables that configure the Enreach API (declared by the solution,
    /// read by the plug-ins and the sync worker).
    /// </summary>
    public static class EnreachEnvironmentVariables
    {
        /// <summary>Email of the Enreach API user (HTTP Basic user name; also the discovery key).</summary>
        public const string ApiUserName = "vfd_EnreachApiUserName";

        /// <summary>Secret key of the Enreach API user (a secret-typed environment variable).</summary>
        public const string ApiSecret = "vfd_EnreachApiSecret";

        /// <summary>Optional base URL of the Enreach API; when set, discovery is skipped (e.g. the emulator).</summary>
        public const string ApiEndpoint = "vfd_EnreachApiEndpoint";

        /// <summary>
        /// Optional time budget of one Enreach operation in seconds (retries and waits included), at most
        /// <see cref="EnreachSettings.MaxTotalBudgetSeconds"/>; the default is 60.
        /// </summary>
        public const string TimeBudgetSeconds = "vfd_EnreachApiTimeBudgetSeconds";

        /// <summary>Every variable <see cref="EnreachSettings.FromEnvironmentVariables"/> reads.</summary>
        public static readonly string[] All = { ApiUserName, ApiSecret, ApiEndpoint, TimeBudgetSeconds };
    }
}
