using System;
using System.Threading;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// How a sync run (phone calls or callback requests) that an exception ended is recorded: one classification for
    /// both syncs, each saying in its own words what the next run does about it.
    /// </summary>
    internal sealed class SyncRunEnding
    {
        private SyncRunEnding(PhoneCallSyncStatus status, string message)
        {
            Status = status;
            Message = message;
        }

        public PhoneCallSyncStatus Status { get; }

        public string Message { get; }

        /// <param name="exception">What ended the run (never OutOfMemoryException: the callers let that through).</param>
        /// <param name="stopping">The host's stopping token: a cancellation it caused is a stop, any other a failure.</param>
        /// <param name="afterStop">What the next run does with what a stop left unwritten.</param>
        /// <param name="afterEnreachFailure">What an Enreach failure leaves, said after Enreach's message.</param>
        /// <param name="afterOtherFailure">What any other failure leaves, said after its message.</param>
        public static SyncRunEnding Of(Exception exception, CancellationToken stopping, string afterStop, string afterEnreachFailure, string afterOtherFailure)
        {
            if (exception is OperationCanceledException && stopping.IsCancellationRequested)
                return new SyncRunEnding(PhoneCallSyncStatus.Stopped, "Stopped between two batches: the host is stopping. " + afterStop);
            if (exception is SyncStoppedException)
                return new SyncRunEnding(PhoneCallSyncStatus.Stopped, exception.Message);
            if (exception is EnreachException)
                return new SyncRunEnding(PhoneCallSyncStatus.Failed, "Enreach: " + exception.Message + " " + afterEnreachFailure);
            // Dataverse's faults (FaultException<OrganizationServiceFault>), time-outs, connection errors, and bugs.
            return new SyncRunEnding(PhoneCallSyncStatus.Failed, "The run stopped: " + exception.Message + " (" + exception.GetType().Name + "). " + afterOtherFailure);
        }
    }
}
