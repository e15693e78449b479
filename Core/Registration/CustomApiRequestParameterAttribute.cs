using System;

namespace VoiceForD365.Core.Registration
{
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
}
