namespace VoiceForD365.Core.Schema
{
    /// <summary>A registered plug-in step (a plug-in's IExecutionContext.OwningExtension). Disabled steps don't run.</summary>
    public static class SdkMessageProcessingStep
    {
        public const string EntityName = "sdkmessageprocessingstep";
        public const string PrimaryId = "sdkmessageprocessingstepid";

        /// <summary>The step's name: <see cref="Registration.StepDeclaration.Name"/> for ours.</summary>
        public const string Name = "name";
        public const string Description = "description";
        public const string PluginTypeId = "plugintypeid";
        public const string Stage = "stage";
        public const string Mode = "mode";
        public const string Rank = "rank";
        public const string FilteringAttributes = "filteringattributes";
        public const string AsyncAutoDelete = "asyncautodelete";
        public const string StateCode = StandardColumns.StateCode;
        public const string StatusCode = StandardColumns.StatusCode;
        public const int StateEnabled = 0;
        public const int StateDisabled = 1;
        public const int StatusEnabled = 1;
        public const int StatusDisabled = 2;
    }
}
