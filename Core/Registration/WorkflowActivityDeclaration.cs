using System;
using System.Globalization;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// How a custom workflow activity shows in the process designer — its name, group (submenu) and description — as
    /// the packer writes it into the solution and the local organization registers it: the
    /// <see cref="WorkflowActivityAttribute"/> when the class has one, else what the Plug-in Registration Tool gives
    /// (the class name, and the group "Assembly (version)").
    /// </summary>
    public sealed class WorkflowActivityDeclaration
    {
        private WorkflowActivityDeclaration(string typeName, string name, string group, string description, bool isDeclared)
        {
            TypeName = typeName;
            Name = name;
            Group = group;
            Description = description;
            IsDeclared = isDeclared;
        }

        /// <summary>The activity class <paramref name="typeName"/> of the assembly <paramref name="assemblyName"/>, with its declaration if it has one.</summary>
        public static WorkflowActivityDeclaration Of(string typeName, string assemblyName, Version assemblyVersion, WorkflowActivityAttribute? declaration)
        {
            if (string.IsNullOrEmpty(typeName)) throw new ArgumentException("Give the activity class's full name.", nameof(typeName));
            var className = typeName.Substring(typeName.LastIndexOfAny(new[] { '.', '+' }) + 1);
            var defaultGroup = string.Format(CultureInfo.InvariantCulture, "{0} ({1})", assemblyName, assemblyVersion);
            return declaration == null
                ? new WorkflowActivityDeclaration(typeName, className, defaultGroup, "", isDeclared: false)
                : new WorkflowActivityDeclaration(typeName,
                    declaration.Name.Length > 0 ? declaration.Name : className,
                    declaration.Group.Length > 0 ? declaration.Group : defaultGroup,
                    declaration.Description, isDeclared: true);
        }

        /// <summary>Full name of the activity class.</summary>
        public string TypeName { get; }

        /// <summary>The name in the designer's Add Step menu (the plug-in type's name and friendly name).</summary>
        public string Name { get; }

        /// <summary>The activity group (submenu): the plug-in type's workflow activity group name.</summary>
        public string Group { get; }

        public string Description { get; }

        /// <summary>The class carries a <see cref="WorkflowActivityAttribute"/> (else the name and group are the defaults).</summary>
        public bool IsDeclared { get; }
    }
}
