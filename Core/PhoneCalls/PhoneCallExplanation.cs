using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>What <see cref="PhoneCallSync.Explain"/> found for one call: its phone calls in Dynamics, a decision per event, and notes.</summary>
    public sealed class PhoneCallExplanation
    {
        internal PhoneCallExplanation(Guid callId, IReadOnlyList<PhoneCallDecision> decisions, IReadOnlyList<string> loggedPhoneCalls, IReadOnlyList<string> notes,
            int enreachRequests, int dataverseRequests)
        {
            CallId = callId;
            Decisions = decisions;
            LoggedPhoneCalls = loggedPhoneCalls;
            Notes = notes;
            EnreachRequests = enreachRequests;
            DataverseRequests = dataverseRequests;
        }

        public Guid CallId { get; }

        /// <summary>Per event of the call, what the sync did (already logged) or would do now, and why.</summary>
        public IReadOnlyList<PhoneCallDecision> Decisions { get; }

        /// <summary>The phone calls in Dynamics with the call's CallId, one line each.</summary>
        public IReadOnlyList<string> LoggedPhoneCalls { get; }

        /// <summary>What could not be looked at, or why the sync does not run.</summary>
        public IReadOnlyList<string> Notes { get; }

        public int EnreachRequests { get; }

        public int DataverseRequests { get; }

        /// <summary>As <c>vfd sync explain</c> prints it.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append("Call ").Append(CallId.ToString("D")).Append(": ").Append(Decisions.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" event(s) in Enreach, ").Append(LoggedPhoneCalls.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" phone call(s) in Dynamics.");
            foreach (var call in LoggedPhoneCalls) text.Append("  logged: ").AppendLine(call);
            foreach (var decision in Decisions) text.Append("  ").AppendLine(decision.ToString());
            foreach (var note in Notes) text.Append("  note: ").AppendLine(note);
            return text.ToString();
        }
    }
}
