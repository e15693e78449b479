namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>Why a call event was not logged.</summary>
    public enum PhoneCallSkipReason
    {
        None,

        /// <summary>Classified Private or Unclassified in Voice Center: only Work calls are logged.</summary>
        NotWork,

        /// <summary>Shorter than CallDurationLimit seconds.</summary>
        TooShort,

        /// <summary>A direct call nobody answered, or a queue call offered to an agent who did not take it.</summary>
        NotAnswered,

        /// <summary>A direct call while ProcessDirectCalls is off.</summary>
        DirectCallsOff,

        /// <summary>An answered service (queue) call while ProcessServiceCalls is off.</summary>
        ServiceCallsOff,

        /// <summary>A queue call nobody answered while ProcessServiceCallsUnanswered is off.</summary>
        UnansweredServiceCallsOff,

        /// <summary>Several customers have the number, and neither MultipleMatchesPickFirst nor EnableMultipleMatchCreate is on.</summary>
        MultipleMatches,

        /// <summary>
        /// The queue's view (<c>/servicecall</c>) of a call an agent answered: it is the same call event as the agent's
        /// own (<c>/calls</c>), which carries the agent's classification, and is logged from that one.
        /// </summary>
        AnsweredQueueView,

        /// <summary>Another event of this run has the same key (CallId, agent), e.g. a call transferred back to the same agent.</summary>
        SameCallEvent,
    }
}
