using System;
using System.Globalization;
using VoiceForD365.Core.PhoneCalls;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>How a host runs <see cref="CallbackSync"/>: who it is, its profile cache, its clock and where traces go.</summary>
    public sealed class CallbackSyncOptions
    {
        /// <summary>The worker's name, kept as the lease owner (as <see cref="PhoneCallSyncOptions.WorkerId"/>).</summary>
        public string WorkerId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);

        /// <summary>
        /// The profiles and settings, kept between runs by the host (one per organization); null: read on every run.
        /// </summary>
        public CallbackSyncCache? Cache { get; set; }

        public Func<DateTime> UtcNow { get; set; } = () => DateTime.UtcNow;

        public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Phone calls per ExecuteMultiple (one operation each); at most <see cref="PhoneCallSyncOptions.MaxBatchOperations"/>.</summary>
        public int MaxOperationsPerBatch { get; set; } = PhoneCallSyncOptions.MaxBatchOperations;

        /// <summary>Receives the run's trace: entry and exit, profiles, queries, batches, closes and every decision. Never a secret.</summary>
        public Action<string>? Trace { get; set; }

        internal void Validate()
        {
            if (string.IsNullOrWhiteSpace(WorkerId)) throw new ArgumentException("CallbackSyncOptions.WorkerId is required: the lease names its owner by it.");
            if (WorkerId.Length > 200) throw new ArgumentException("CallbackSyncOptions.WorkerId is longer than 200 characters.");
            if (UtcNow == null) throw new ArgumentException("CallbackSyncOptions.UtcNow is required.");
            if (LeaseDuration < TimeSpan.FromSeconds(10))
                throw new ArgumentException("CallbackSyncOptions.LeaseDuration must be at least 10 seconds, not " + LeaseDuration.ToString("c", CultureInfo.InvariantCulture) + ".");
            if (MaxOperationsPerBatch < 1 || MaxOperationsPerBatch > PhoneCallSyncOptions.MaxBatchOperations)
                throw new ArgumentException("CallbackSyncOptions.MaxOperationsPerBatch must be from 1 to " + PhoneCallSyncOptions.MaxBatchOperations.ToString(CultureInfo.InvariantCulture) + ".");
        }
    }
}
