using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>An active callback profile as the sync uses it: its settings and the subject of its phone calls.</summary>
    internal sealed class CallbackSyncProfile
    {
        public CallbackSyncProfile(CallbackProfileSettings settings, CallbackSubject subject)
        {
            Settings = settings;
            Subject = subject;
        }

        public CallbackProfileSettings Settings { get; }

        public CallbackSubject Subject { get; }

        public Guid ListId => Settings.CallbackListId!.Value;

        public string Describe() => string.Format(CultureInfo.InvariantCulture, "'{0}' ({1:D})", Settings.Name, Settings.Id);
    }

    /// <summary>What the sync reads of the organization's configuration: the usable active profiles, the problems of the others, the matching settings.</summary>
    internal sealed class CallbackSyncConfiguration
    {
        public CallbackSyncConfiguration(IReadOnlyList<CallbackSyncProfile> profiles, IReadOnlyList<string> problems, PhoneCallSyncSettings settings, DateTime read)
        {
            Profiles = profiles;
            Problems = problems;
            Settings = settings;
            Read = read;
        }

        public IReadOnlyList<CallbackSyncProfile> Profiles { get; }

        public IReadOnlyList<string> Problems { get; }

        /// <summary>The caller matching settings (NumbersToCut, MultipleMatchesPickFirst, EnableMultipleMatchCreate, MultipleMatchPhoneCallStatus) are the phone call sync's.</summary>
        public PhoneCallSyncSettings Settings { get; }

        public DateTime Read { get; }

        /// <summary>Reads the active profiles (one query), the settings (one query) and the default subject (one query, when a profile has no subject of its own).</summary>
        public static CallbackSyncConfiguration Load(IOrganizationService service, DateTime now, Action<string> trace)
        {
            var query = new QueryExpression(CallbackProfile.EntityName) { ColumnSet = new ColumnSet(CallbackProfileSettings.Columns) };
            query.Criteria.AddCondition(CallbackProfile.StateCode, ConditionOperator.Equal, CallbackProfile.StateActive);
            query.Orders.Add(new OrderExpression(CallbackProfile.Name, OrderType.Ascending));
            var profiles = new List<CallbackSyncProfile>();
            var problems = new List<string>();
            string? defaultSubject = null;
            var subjectRead = false;
            foreach (var row in service.RetrieveAll(query))
            {
                try
                {
                    var settings = CallbackProfileSettings.FromRecord(row);
                    if (settings.CallbackListId == null)
                    {
                        problems.Add(settings + " is not synced: it has no Callback List (pick the Enreach list in the profile).");
                        continue;
                    }
                    CallbackSubject subject;
                    if (settings.PhoneCallSubject != null)
                    {
                        subject = new CallbackSubject(settings.PhoneCallSubject, CallbackSubjectSource.Profile);
                    }
                    else
                    {
                        if (!subjectRead) defaultSubject = new VoiceSettings(service, trace).GetString(SettingNames.CallbackRequestDefaultSubject);
                        subjectRead = true;
                        subject = defaultSubject != null
                            ? new CallbackSubject(defaultSubject, CallbackSubjectSource.Setting)
                            : new CallbackSubject(CallbackSubjects.DefaultSubject, CallbackSubjectSource.Default);
                    }
                    profiles.Add(new CallbackSyncProfile(settings, subject));
                }
                catch (CallbackConfigurationException e)
                {
                    problems.Add(e.Message + " It is not synced until then.");
                }
            }
            var matching = PhoneCallSyncSettings.Read(service);
            trace(string.Format(CultureInfo.InvariantCulture, "Read {0} active callback profile(s) that can be synced ({1}), {2} that can't.",
                profiles.Count, string.Join(", ", profiles.Select(p => p.Describe()).ToArray()), problems.Count));
            return new CallbackSyncConfiguration(profiles, problems, matching, now);
        }
    }

    /// <summary>
    /// The callback profiles and settings of one organization, kept between runs of <see cref="CallbackSync"/> and read
    /// again when <see cref="RefreshInterval"/> has passed or <see cref="RefreshNow"/> asks (<c>vfd sync --refresh</c>):
    /// a profile deactivated or changed is seen at the next refresh. Thread-safe.
    /// </summary>
    public sealed class CallbackSyncCache
    {
        /// <summary>The default time between two reads of the profiles: 60 minutes.</summary>
        public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(60);

        private readonly object _lock = new object();
        private CallbackSyncConfiguration? _configuration;
        private bool _refreshRequested;

        public CallbackSyncCache(TimeSpan? refreshInterval = null)
        {
            var interval = refreshInterval ?? DefaultRefreshInterval;
            if (interval < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(refreshInterval), interval, "The refresh interval of the callback profiles can't be negative.");
            RefreshInterval = interval;
        }

        public TimeSpan RefreshInterval { get; }

        /// <summary>When the profiles were last read (UTC); null: never.</summary>
        public DateTime? LastRead
        {
            get { lock (_lock) return _configuration?.Read; }
        }

        /// <summary>The next run reads the profiles and settings again.</summary>
        public void RefreshNow()
        {
            lock (_lock) _refreshRequested = true;
        }

        internal CallbackSyncConfiguration Get(IOrganizationService service, DateTime now, Action<string> trace, out string? refreshed)
        {
            lock (_lock)
            {
                refreshed = _configuration == null ? "first read" : _refreshRequested ? "refresh asked for" : now - _configuration.Read >= RefreshInterval ? "older than " + Minutes(RefreshInterval) : null;
                if (refreshed == null)
                {
                    trace("Callback profiles from the cache, read " + SyncStateStore.Format(_configuration!.Read) + ".");
                    return _configuration;
                }
                _configuration = CallbackSyncConfiguration.Load(service, now, trace);
                _refreshRequested = false;
                return _configuration;
            }
        }

        private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " minutes";
    }
}
