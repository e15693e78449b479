using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>A sync job's vfd_syncstate row as read, with the row version every write must match.</summary>
    internal sealed class SyncStateRow
    {
        private SyncStateRow(Entity row)
        {
            Id = row.Id;
            RowVersion = row.RowVersion;
            LeaseOwner = NonEmpty(row.GetAttributeValue<string>(SyncState.LeaseOwner));
            LeaseExpires = Utc(row.GetAttributeValue<DateTime?>(SyncState.LeaseExpires));
            Checkpoint = Utc(row.GetAttributeValue<DateTime?>(SyncState.Checkpoint));
            NextRetro = Utc(row.GetAttributeValue<DateTime?>(SyncState.NextRetro));
            RetroFrom = Utc(row.GetAttributeValue<DateTime?>(SyncState.RetroFrom));
            RetroTo = Utc(row.GetAttributeValue<DateTime?>(SyncState.RetroTo));
            RetroProgress = Utc(row.GetAttributeValue<DateTime?>(SyncState.RetroProgress));
            LastRunId = NonEmpty(row.GetAttributeValue<string>(SyncState.LastRunId));
            LastRunStarted = Utc(row.GetAttributeValue<DateTime?>(SyncState.LastRunStarted));
            RefreshRequested = Utc(row.GetAttributeValue<DateTime?>(SyncState.RefreshRequested));
        }

        public static readonly ColumnSet Columns = new ColumnSet(SyncState.Name, SyncState.LeaseOwner, SyncState.LeaseExpires, SyncState.Checkpoint,
            SyncState.NextRetro, SyncState.RetroFrom, SyncState.RetroTo, SyncState.RetroProgress, SyncState.LastRunId, SyncState.LastRunStarted, SyncState.RefreshRequested);

        public Guid Id { get; }

        public string? RowVersion { get; }

        public string? LeaseOwner { get; }

        public DateTime? LeaseExpires { get; }

        public DateTime? Checkpoint { get; }

        public DateTime? NextRetro { get; }

        public DateTime? RetroFrom { get; }

        public DateTime? RetroTo { get; }

        public DateTime? RetroProgress { get; }

        public string? LastRunId { get; }

        public DateTime? LastRunStarted { get; }

        /// <summary>When the workers were last asked to read the callback profiles again.</summary>
        public DateTime? RefreshRequested { get; }

        /// <summary>A retro run started and did not finish.</summary>
        public bool RetroUnderWay => RetroFrom != null && RetroTo != null;

        public static SyncStateRow From(Entity row) => new SyncStateRow(row);

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

        private static DateTime? Utc(DateTime? time) => time == null ? (DateTime?)null : DateTime.SpecifyKind(time.Value.Kind == DateTimeKind.Local ? time.Value.ToUniversalTime() : time.Value, DateTimeKind.Utc);
    }

    /// <summary>
    /// The job's vfd_syncstate row and the writes to it. Every write carries the row version last read
    /// (<see cref="ConcurrencyBehavior.IfRowVersionMatches"/>) and reads the row back in the same ExecuteMultiple, so a
    /// write that loses to another worker's fails instead of overwriting it, at one request per write.
    /// </summary>
    internal sealed class SyncStateStore
    {
        private readonly IOrganizationService _service;

        private SyncStateStore(IOrganizationService service, SyncStateRow current)
        {
            _service = service;
            Current = current;
        }

        public SyncStateRow Current { get; private set; }

        /// <summary>The job's row; the first run of a job creates it (create-only by its name's key, so two first runs make one).</summary>
        public static SyncStateStore Open(IOrganizationService service, string job)
        {
            var row = Find(service, job);
            if (row == null)
            {
                var created = new Entity(SyncState.EntityName, Guid.NewGuid()) { [SyncState.Name] = job };
                var fault = Single(service, new CreateRequest { Target = created });
                // A duplicate: another worker's first run created it a moment ago.
                if (fault != null && !PhoneCallWriter.IsDuplicate(fault)) throw new SyncStateException(fault);
                row = Find(service, job) ?? throw new InvalidOperationException("The sync state of " + job + " was created but can't be read back.");
            }
            return new SyncStateStore(service, row);
        }

        /// <summary>
        /// Writes <paramref name="changes"/> if the row is still as last read and reads it back; false when another
        /// worker wrote it since (nothing is written then).
        /// </summary>
        public bool TryWrite(Entity changes)
        {
            var target = Target(changes);
            var batch = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
                Requests = new OrganizationRequestCollection
                {
                    new UpdateRequest { Target = target, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches },
                    new RetrieveRequest { Target = new EntityReference(SyncState.EntityName, Current.Id), ColumnSet = SyncStateRow.Columns },
                },
            };
            var response = (ExecuteMultipleResponse)_service.Execute(batch);
            var fault = response.Responses.FirstOrDefault(r => r.Fault != null)?.Fault;
            if (fault != null)
            {
                if (IsConflict(fault)) return false;
                throw new SyncStateException(fault);
            }
            var read = response.Responses.FirstOrDefault(r => r.RequestIndex == 1)?.Response as RetrieveResponse;
            Current = SyncStateRow.From(read?.Entity ?? throw new InvalidOperationException("The sync state was written but not read back."));
            return true;
        }

        /// <summary>
        /// Takes the job's lease for a run; null when taken, else who holds it (the run does not start).
        /// <paramref name="unfinished"/> says when the last run left the lease behind (it did not finish).
        /// </summary>
        public string? TryAcquireLease(string workerId, TimeSpan duration, Guid runId, DateTime started, DateTime now, out string? unfinished)
        {
            var state = Current;
            unfinished = null;
            if (state.LeaseOwner != null && state.LeaseOwner != workerId && state.LeaseExpires > now)
                return "Another worker, " + state.LeaseOwner + ", holds the lease until " + Format(state.LeaseExpires) + ": it runs this organization's sync.";
            if (state.LeaseOwner != null && state.LastRunId != null)
                unfinished = "The run " + state.LastRunId + " of " + state.LeaseOwner + ", started " + Format(state.LastRunStarted) + ", did not finish; this run carries on from its checkpoints.";
            var lease = Changes();
            lease[SyncState.LeaseOwner] = workerId;
            lease[SyncState.LeaseExpires] = now + duration;
            lease[SyncState.LastRunId] = runId.ToString("D");
            lease[SyncState.LastRunStarted] = started;
            return TryWrite(lease) ? null : "Another worker took the lease at the same moment: it runs this organization's sync.";
        }

        /// <summary>
        /// Renews the lease once half of it is gone, or at once with <paramref name="more"/> columns to write; false when
        /// another worker took it (the run must stop writing).
        /// </summary>
        public bool TryRenewLease(TimeSpan duration, DateTime now, Entity? more = null)
        {
            var expires = Current.LeaseExpires ?? now;
            if (more == null && expires - now > TimeSpan.FromTicks(duration.Ticks / 2)) return true;
            var changes = more ?? Changes();
            changes[SyncState.LeaseExpires] = now + duration;
            return TryWrite(changes);
        }

        /// <summary>The last write of a run: like <see cref="TryWrite"/>, without reading the row back.</summary>
        public bool TryWriteLast(Entity changes)
        {
            var fault = Single(_service, new UpdateRequest { Target = Target(changes), ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            if (fault == null) return true;
            if (IsConflict(fault)) return false;
            throw new SyncStateException(fault);
        }

        /// <summary>
        /// Sends one request in an ExecuteMultiple, which answers a refusal as a fault to look at rather than an
        /// exception (Core does not depend on System.ServiceModel); null when it succeeded.
        /// </summary>
        private static OrganizationServiceFault? Single(IOrganizationService service, OrganizationRequest request)
        {
            var batch = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = false },
                Requests = new OrganizationRequestCollection { request },
            };
            return ((ExecuteMultipleResponse)service.Execute(batch)).Responses.FirstOrDefault(r => r.Fault != null)?.Fault;
        }

        public static Entity Changes() => new Entity(SyncState.EntityName);

        private Entity Target(Entity changes)
        {
            var target = new Entity(SyncState.EntityName, Current.Id) { RowVersion = Current.RowVersion };
            foreach (var attribute in changes.Attributes) target[attribute.Key] = attribute.Value;
            return target;
        }

        private static bool IsConflict(OrganizationServiceFault fault) => fault.ErrorCode == ErrorCodes.ConcurrencyVersionMismatch;

        private static SyncStateRow? Find(IOrganizationService service, string job)
        {
            var query = new QueryExpression(SyncState.EntityName) { ColumnSet = SyncStateRow.Columns, TopCount = 1 };
            query.Criteria.AddCondition(SyncState.Name, ConditionOperator.Equal, job);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return row == null ? null : SyncStateRow.From(row);
        }

        internal static string Format(DateTime? time) =>
            time == null ? "never" : time.Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
    }
}
