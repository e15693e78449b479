using System;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>Dataverse refused a write of the sync state for another reason than a lost race; the run stops with its message.</summary>
    internal sealed class SyncStateException : Exception
    {
        public SyncStateException(OrganizationServiceFault fault)
            : base("Dataverse refused to write the sync state: " + fault.Message)
        {
        }
    }
}
