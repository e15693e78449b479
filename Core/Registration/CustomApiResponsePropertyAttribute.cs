using System;

namespace VoiceForD365.Core.Registration
{
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
