using System;

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

    /// <summary>Execution mode of a step, with Dataverse's numbers.</summary>
    public enum ExecutionMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }

    /// <summary>
    /// The one declaration of a plug-in step, placed on the plug-in class. The packer writes the solution's
    /// SdkMessageProcessingStep from it and the local organization runs the plug-in from it.
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

    /// <summary>Declares that a plug-in class implements a custom API (runs at the main operation stage).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CustomApiAttribute : Attribute
    {
        public CustomApiAttribute(string uniqueName) => UniqueName = uniqueName;

        public string UniqueName { get; }

        public string DisplayName { get; set; } = "";

        public string Description { get; set; } = "";

        /// <summary>A function is called with GET in the Web API; an action with POST.</summary>
        public bool IsFunction { get; set; }
    }

    /// <summary>Type of a custom API request parameter or response property, with Dataverse's numbers.</summary>
    public enum CustomApiFieldType
    {
        Boolean = 0,
        DateTime = 1,
        Decimal = 2,
        Entity = 3,
        EntityCollection = 4,
        EntityReference = 5,
        Float = 6,
        Integer = 7,
        Money = 8,
        Picklist = 9,
        String = 10,
        StringArray = 11,
        Guid = 12,
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CustomApiRequestParameterAttribute : Attribute
    {
        public CustomApiRequestParameterAttribute(string uniqueName, CustomApiFieldType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        public string UniqueName { get; }

        public CustomApiFieldType Type { get; }

        public bool IsOptional { get; set; }

        public string Description { get; set; } = "";
    }

    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class CustomApiResponsePropertyAttribute : Attribute
    {
        public CustomApiResponsePropertyAttribute(string uniqueName, CustomApiFieldType type)
        {
            UniqueName = uniqueName;
            Type = type;
        }

        public string UniqueName { get; }

        public CustomApiFieldType Type { get; }

        public string Description { get; set; } = "";
    }
}
