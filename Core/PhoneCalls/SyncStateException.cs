using System;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>Dataverse refused a write of the sync state for another reason than a lost race; the run stops with its message.</summary>
    [Serializable]
    internal sealed class SyncStateException : ActionableException
    {
        public SyncStateException(OrganizationServiceFault fault)
            : base("Dataverse refused to write the sync state: " + fault.Message)
        {
        }

        private SyncStateException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
