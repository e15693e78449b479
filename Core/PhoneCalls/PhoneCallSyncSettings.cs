using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// The PhoneCallSync settings (configuration guide 1.5.3) as one run uses them, read in one query. A setting that is
    /// missing, deactivated or empty takes its default; a value of the wrong type is a <see cref="Problems"/> entry (the
    /// sync does not guess: it does not run until the value is corrected). DefaultCrmAssignee is checked against the
    /// users by the run, as it needs them anyway.
    /// </summary>
    public sealed class PhoneCallSyncSettings
    {
        private readonly Dictionary<string, string> _values;
        private readonly List<string> _problems = new List<string>();

        private PhoneCallSyncSettings(Dictionary<string, string> values)
        {
            _values = values;
            CallStartMargin = TimeSpan.FromSeconds(Number(SettingNames.CallStartMargin));
            CallDurationLimit = TimeSpan.FromSeconds(Number(SettingNames.CallDurationLimit));
            EnableAudit = YesNo(SettingNames.EnableAudit);
            EnableMultipleMatchCreate = YesNo(SettingNames.EnableMultipleMatchCreate);
            ExecutionInterval = TimeSpan.FromMinutes(Number(SettingNames.ExecutionInterval));
            IncomingDirectCallSubject = Text(SettingNames.IncomingDirectCallSubject);
            IncomingQueueCallSubject = Text(SettingNames.IncomingQueueCallSubject);
            OutgoingDirectCallSubject = Text(SettingNames.OutgoingDirectCallSubject);
            MultipleMatchPhoneCallStatus = Number(SettingNames.MultipleMatchPhoneCallStatus);
            MultipleMatchesPickFirst = YesNo(SettingNames.MultipleMatchesPickFirst);
            NumbersToCut = Number(SettingNames.NumbersToCut);
            ProcessDirectCalls = YesNo(SettingNames.ProcessDirectCalls);
            ProcessServiceCalls = YesNo(SettingNames.ProcessServiceCalls);
            ProcessServiceCallsUnanswered = YesNo(SettingNames.ProcessServiceCallsUnanswered);
            RunInDebugMode = YesNo(SettingNames.RunInDebugMode);
            var assignee = Raw(SettingNames.DefaultCrmAssignee);
            DefaultCrmAssigneeText = assignee;
            if (assignee != null && SettingCatalog.TryParseGuid(assignee, out var id) && id != Guid.Empty) DefaultCrmAssignee = id;
        }

        public TimeSpan CallStartMargin { get; }

        public TimeSpan CallDurationLimit { get; }

        /// <summary>The Enreach id of the fallback owner; null when not set, not a GUID or all zeros.</summary>
        public Guid? DefaultCrmAssignee { get; }

        /// <summary>DefaultCrmAssignee as entered (null: not set).</summary>
        public string? DefaultCrmAssigneeText { get; }

        public bool EnableAudit { get; }

        public bool EnableMultipleMatchCreate { get; }

        public TimeSpan ExecutionInterval { get; }

        public string IncomingDirectCallSubject { get; }

        public string IncomingQueueCallSubject { get; }

        public string OutgoingDirectCallSubject { get; }

        public int MultipleMatchPhoneCallStatus { get; }

        public bool MultipleMatchesPickFirst { get; }

        public int NumbersToCut { get; }

        public bool ProcessDirectCalls { get; }

        public bool ProcessServiceCalls { get; }

        public bool ProcessServiceCallsUnanswered { get; }

        public bool RunInDebugMode { get; }

        /// <summary>What is wrong with the values, one message per setting (empty: nothing).</summary>
        public IReadOnlyList<string> Problems => _problems;

        /// <summary>The PhoneCallSync settings of the organization, in one query (vfd_voicesetting by name).</summary>
        public static PhoneCallSyncSettings Read(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var names = Definitions().Select(d => (object)d.Name).ToArray();
            var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(VoiceSetting.Name) };
            query.ColumnSet.AddColumns(VoiceSettings.ValueColumns.ToArray());
            query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.In, names);
            query.Criteria.AddCondition(VoiceSetting.StateCode, ConditionOperator.Equal, VoiceSetting.StateActive);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                var name = row.GetAttributeValue<string>(VoiceSetting.Name)?.Trim();
                var text = VoiceSettings.TextOf(row);
                if (name != null && text != null && !values.ContainsKey(name)) values.Add(name, text);
            }
            return new PhoneCallSyncSettings(values);
        }

        /// <summary>The subject of the phone call of an event of this kind and direction.</summary>
        internal string SubjectOf(bool service, bool outgoing) => service ? IncomingQueueCallSubject : outgoing ? OutgoingDirectCallSubject : IncomingDirectCallSubject;

        /// <summary>"CallStartMargin 15, ProcessDirectCalls True, ...": every value the run used, for its trace.</summary>
        public override string ToString() =>
            string.Join(", ", Definitions().Where(d => d.Name != SettingNames.DefaultCrmAssignee).Select(d => d.Name + " " + (Raw(d.Name) ?? d.DefaultValue)).ToArray()) +
            ", DefaultCrmAssignee " + (DefaultCrmAssigneeText ?? "(not set)");

        private static IEnumerable<SettingDefinition> Definitions() => SettingCatalog.All.Where(d => d.Group == SettingGroups.PhoneCallSync);

        private string? Raw(string name) => _values.TryGetValue(name, out var value) ? value : null;

        /// <summary>The value if the setting accepts it, else the default (and a problem noted).</summary>
        private string Checked(string name)
        {
            var definition = SettingCatalog.Find(name)!;
            var value = Raw(name);
            if (value == null) return definition.DefaultValue;
            var problem = definition.Check(value);
            if (problem == null) return value;
            _problems.Add(problem);
            return definition.DefaultValue;
        }

        private int Number(string name)
        {
            SettingCatalog.TryParseWholeNumber(Checked(name), out var number);
            return number;
        }

        private bool YesNo(string name)
        {
            SettingCatalog.TryParseYesNo(Checked(name), out var flag);
            return flag;
        }

        private string Text(string name) => Checked(name);

        internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";
    }
}
