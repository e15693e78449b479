using System;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// The one declaration of a custom workflow activity's registration data, placed on the activity class: the name
    /// and group the process designer shows (in Dataverse the plug-in type's friendly name and workflow activity group
    /// name). The packer and the local organization both read it as a <see cref="WorkflowActivityDeclaration"/>. The
    /// arguments are declared on the class's properties with [Input], [Output] and [ReferenceTarget].
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
