using System;
using System.Globalization;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>How a host runs <see cref="PhoneCallSync"/>: who it is, what to read, its clock and where traces go.</summary>
    public sealed class PhoneCallSyncOptions
    {
        /// <summary>The most operations one ExecuteMultiple (one Web API $batch) carries: Dataverse's limit.</summary>
        public const int MaxBatchOperations = 1000;

        /// <summary>
        /// The worker's name, kept as the lease owner. Give each replica its own (default: the machine's name and a
        /// random part). A worker restarted with the same id takes its own lease back at once and resumes; any other
        /// waits until the lease expires.
        /// </summary>
        public string WorkerId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        public PhoneCallSyncMode Mode { get; set; } = PhoneCallSyncMode.Scheduled;

        /// <summary>The clock (UTC) the run's windows, lease and retro schedule follow.</summary>
        public Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;

        /// <summary>How long the lease lasts unless renewed; it is renewed between batches when half of it is gone.</summary>
        public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Operations per ExecuteMultiple (a phone call completed as it is created takes two); at most <see cref="MaxBatchOperations"/>.</summary>
        public int MaxOperationsPerBatch { get; set; } = MaxBatchOperations;

        /// <summary>Receives the run's trace: entry and exit, windows, queries, batches, and every decision. Never a secret.</summary>
        public Action<string>? Trace { get; set; }

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(WorkerId)) throw new ArgumentException("PhoneCallSyncOptions.WorkerId is required: the lease names its owner by it.");
            if (WorkerId.Length > 200) throw new ArgumentException("PhoneCallSyncOptions.WorkerId is longer than 200 characters.");
            if (UtcNow == null) throw new ArgumentException("PhoneCallSyncOptions.UtcNow is required.");
            if (LeaseDuration < TimeSpan.FromSeconds(10))
                throw new ArgumentException("PhoneCallSyncOptions.LeaseDuration must be at least 10 seconds, not " + LeaseDuration.ToString("c", CultureInfo.InvariantCulture) + ".");
            if (MaxOperationsPerBatch < 2 || MaxOperationsPerBatch > MaxBatchOperations)
                throw new ArgumentException("PhoneCallSyncOptions.MaxOperationsPerBatch must be from 2 to " + MaxBatchOperations.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
