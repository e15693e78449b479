using System;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// The one declaration of a plug-in step, placed on the plug-in class. Its arguments are constants (column lists
    /// comma-separated), as attribute arguments must be; the packer and the local organization both read it as a
    /// <see cref="StepDeclaration"/>, from which the solution's SdkMessageProcessingStep is written and the local
    /// organization runs the plug-in.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PluginStepAttribute : Attribute
    {
        public PluginStepAttribute(string message, string table, PipelineStage stage, ExecutionMode mode)
        {
            Message = message;
            Table = table;
            Stage = stage;
            Mode = mode;
        }

        public string Message { get; }

        /// <summary>Primary table logical name; empty for messages without one.</summary>
        public string Table { get; }

        public PipelineStage Stage { get; }

        public ExecutionMode Mode { get; }

        /// <summary>Comma-separated columns; an Update step runs only when one of them is in the target. Empty: any change.</summary>
        public string FilteringAttributes { get; set; } = "";

        public string PreImageName { get; set; } = "";

        /// <summary>Comma-separated columns of the pre-image; empty with a name: all columns.</summary>
        public string PreImageAttributes { get; set; } = "";

        public string PostImageName { get; set; } = "";

        public string PostImageAttributes { get; set; } = "";

        /// <summary>Execution order among steps of the same message, table and stage.</summary>
        public int Order { get; set; } = 1;

        public string Description { get; set; } = "";
    }
}
