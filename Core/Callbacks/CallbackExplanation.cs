using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>What <see cref="CallbackSync.Explain"/> found for one callback request: its phone calls in Dynamics, the decision, and notes.</summary>
    public sealed class CallbackExplanation
    {
        internal CallbackExplanation(Guid requestId, IReadOnlyList<CallbackDecision> decisions, IReadOnlyList<string> loggedPhoneCalls, IReadOnlyList<string> notes,
            int enreachRequests, int dataverseRequests)
        {
            RequestId = requestId;
            Decisions = decisions;
            LoggedPhoneCalls = loggedPhoneCalls;
            Notes = notes;
            EnreachRequests = enreachRequests;
            DataverseRequests = dataverseRequests;
        }

        public Guid RequestId { get; }

        /// <summary>What the sync would do now with the request, when it is open on an active profile's list (at most one).</summary>
        public IReadOnlyList<CallbackDecision> Decisions { get; }

        /// <summary>The phone calls in Dynamics with the request's id, one line each.</summary>
        public IReadOnlyList<string> LoggedPhoneCalls { get; }

        public IReadOnlyList<string> Notes { get; }

        public int EnreachRequests { get; }

        public int DataverseRequests { get; }

        /// <summary>As <c>vfd sync explain</c> prints it.</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append("Callback request ").Append(RequestId.ToString("D")).Append(": ").Append(LoggedPhoneCalls.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(" phone call(s) in Dynamics.");
            foreach (var call in LoggedPhoneCalls) text.Append("  logged: ").AppendLine(call);
            foreach (var decision in Decisions) text.Append("  ").AppendLine(decision.ToString());
            foreach (var note in Notes) text.Append("  note: ").AppendLine(note);
            return text.ToString();
        }
    }
}
