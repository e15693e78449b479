namespace VoiceForD365.Core.Settings
{
    /// <summary>What <see cref="SettingRecordCheck.Check"/> decided: the refusal to show, or the trace line of an accepted save.</summary>
    public sealed class SettingRecordVerdict
    {
        private SettingRecordVerdict(string? problem, string trace)
        {
            Problem = problem;
            Trace = trace;
        }

        /// <summary>Null when the save may go ahead; otherwise the message for the person who saved.</summary>
        public string? Problem { get; }

        /// <summary>The decision, for the plug-in trace log.</summary>
        public string Trace { get; }

        internal static SettingRecordVerdict Refused(string problem) => new SettingRecordVerdict(problem, "Refused: " + problem);

        internal static SettingRecordVerdict Accepted(string trace) => new SettingRecordVerdict(null, trace);
    }
}
