namespace VoiceForD365.Core.Registration
{
    /// <summary>Pipeline stage of a step, with Dataverse's numbers.</summary>
    public enum PipelineStage
    {
        PreValidation = 10,
        PreOperation = 20,
        MainOperation = 30,
        PostOperation = 40,
    }
}
