namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>How a run ended.</summary>
    public enum PhoneCallSyncStatus
    {
        /// <summary>Every call event read got its decision and every phone call was written.</summary>
        Succeeded,

        /// <summary>The run went through, but some phone calls could not be written (see the decisions); the next runs retry them.</summary>
        CallsFailed,

        /// <summary>The run stopped on an error (Enreach or Dataverse); what was not written is read again by the next run.</summary>
        Failed,

        /// <summary>The run stopped at a batch boundary: the host is stopping, or another worker took the lease.</summary>
        Stopped,

        /// <summary>The run did not start: a setting is missing or wrong (DefaultCrmAssignee, for one); the message says which.</summary>
        NotConfigured,

        /// <summary>The run did not start: another worker holds the organization's lease (no run record is written).</summary>
        LeaseHeld,
    }
}
