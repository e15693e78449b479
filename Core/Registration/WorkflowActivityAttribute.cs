using System;

namespace VoiceForD365.Core.Registration
{
    /// <summary>Activity group names: the submenu of the process designer's Add Step menu that lists our activities.</summary>
    public static class WorkflowActivityGroups
    {
        public const string VoiceForD365 = "Voice for D365";
    }

    /// <summary>
    /// The one declaration of a custom workflow activity's registration data, placed on the activity class: the name
    /// and group the process designer shows (in Dataverse the plug-in type's friendly name and workflow activity group
    /// name). The packer writes the assembly's plug-in type from it; the local organization registers the activity
    /// from it. The arguments are declared on the class's properties with [Input], [Output] and [ReferenceTarget].
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class WorkflowActivityAttribute : Attribute
    {
        public WorkflowActivityAttribute(string name, string group)
        {
            Name = name;
            Group = group;
        }

        /// <summary>Display name in the designer's Add Step menu, e.g. "Apply Callback Profile".</summary>
        public string Name { get; }

        /// <summary>Activity group name (the submenu), e.g. <see cref="WorkflowActivityGroups.VoiceForD365"/>.</summary>
        public string Group { get; }

        public string Description { get; set; } = "";
    }
}
