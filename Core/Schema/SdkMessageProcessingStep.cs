namespace VoiceForD365.Core.Schema
{
    /// <summary>A registered plug-in step (a plug-in's IExecutionContext.OwningExtension).</summary>
    public static class SdkMessageProcessingStep
    {
        public const string EntityName = "sdkmessageprocessingstep";
    }
}
