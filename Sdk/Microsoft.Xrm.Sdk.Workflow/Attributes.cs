using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>Base of <see cref="InputAttribute"/> and <see cref="OutputAttribute"/>: the argument's display name.</summary>
    public abstract class ParameterAttribute : Attribute
    {
        protected ParameterAttribute(string name) => Name = name;

        public string Name { get; }
    }

    /// <summary>Marks an InArgument property of a custom workflow activity as an input, with its display name.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name) : base(name) { }
    }

    /// <summary>Marks an OutArgument property of a custom workflow activity as an output, with its display name.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name) : base(name) { }
    }

    /// <summary>The table an EntityReference argument points to.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName) => EntityName = entityName;

        public string EntityName { get; }
    }

    /// <summary>
    /// The default value of an input argument, as the workflow designer writes it (for an EntityReference argument:
    /// the record id and its table).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value) => Value = value;

        public DefaultAttribute(string value, string entityName)
        {
            Value = value;
            EntityName = entityName;
        }

        public string Value { get; }

        public string EntityName { get; } = null!;
    }
}
