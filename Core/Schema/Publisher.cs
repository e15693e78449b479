namespace VoiceForD365.Core.Schema
{
    public static class Publisher
    {
        public const string Prefix = "vfd";
        public const string SolutionUniqueName = "VoiceForD365";
    }
}
