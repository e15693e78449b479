using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// Sends the planned phone calls in ExecuteMultiple batches (ContinueOnError; the Web API client sends each as one
    /// $batch, an ExecuteTransaction as one change set), at most <see cref="PhoneCallSyncOptions.MaxOperationsPerBatch"/>
    /// operations each. Every unit is atomic and creates carry the key, so a unit that meets the key already there (a
    /// racing worker, a retry after a lost answer) fails whole and counts as already logged, never as a failure.
    /// </summary>
    internal sealed class PhoneCallWriter
    {
        private readonly IOrganizationService _service;
        private readonly int _maxOperations;
        private readonly Action<string> _trace;

        public PhoneCallWriter(IOrganizationService service, int maxOperations, Action<string> trace)
        {
            _service = service;
            _maxOperations = maxOperations;
            _trace = trace;
        }

        /// <summary>Batches sent so far.</summary>
        public int Batches { get; private set; }

        /// <summary>
        /// Writes the calls that have a request, in order; <paramref name="beforeNextBatch"/> runs between two batches
        /// with the first call of the next (it renews the lease and records progress; it throws to stop).
        /// </summary>
        public void Write(IReadOnlyList<PlannedCall> calls, Action<PlannedCall> beforeNextBatch, CancellationToken cancellationToken)
        {
            var pending = calls.Where(c => c.Request != null).ToList();
            var batch = new List<PlannedCall>();
            var operations = 0;
            foreach (var call in pending)
            {
                if (batch.Count > 0 && operations + call.Operations > _maxOperations)
                {
                    Send(batch);
                    batch.Clear();
                    operations = 0;
                    cancellationToken.ThrowIfCancellationRequested();
                    beforeNextBatch(call);
                }
                batch.Add(call);
                operations += call.Operations;
            }
            if (batch.Count > 0) Send(batch);
        }

        private void Send(List<PlannedCall> batch)
        {
            var request = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
                Requests = new OrganizationRequestCollection(),
            };
            foreach (var call in batch)
            {
                request.Requests.Add(call.Request!);
                call.Sent = true;
            }
            ExecuteMultipleResponse response;
            try
            {
                response = (ExecuteMultipleResponse)_service.Execute(request);
            }
            catch (Exception e)
            {
                foreach (var call in batch)
                    call.Decision = call.Decision.With(PhoneCallOutcome.Failed, "the batch it was in could not be sent (" + e.Message + "); the next run finds what Dataverse wrote of it and writes the rest", null);
                throw;
            }
            Batches++;
            var failed = 0;
            var duplicates = 0;
            foreach (var item in response.Responses)
            {
                if (item.Fault == null || item.RequestIndex < 0 || item.RequestIndex >= batch.Count) continue;
                var call = batch[item.RequestIndex];
                if (IsDuplicate(item.Fault))
                {
                    duplicates++;
                    call.Decision = call.Decision.With(PhoneCallOutcome.AlreadyLogged,
                        "a phone call got this call event's key (CallId, agent) after this run looked: another worker or an earlier attempt logged it, and nothing of this one was written", null);
                }
                else
                {
                    failed++;
                    call.Decision = call.Decision.With(PhoneCallOutcome.Failed, "Dataverse refused it, and nothing of it was written: " + item.Fault.Message, null);
                }
            }
            _trace(string.Format(CultureInfo.InvariantCulture, "Batch {0}: {1} phone calls in {2} operations; {3} already logged by someone else, {4} failed.",
                Batches, batch.Count, batch.Sum(c => c.Operations), duplicates, failed));
        }

        /// <summary>The key (or the id) exists: Dataverse's duplicate-record faults.</summary>
        public static bool IsDuplicate(OrganizationServiceFault fault) =>
            fault.ErrorCode == ErrorCodes.DuplicateRecord || fault.ErrorCode == ErrorCodes.DuplicateRecordEntityKey;
    }
}
