using System;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// Declares that a plug-in class implements a custom API (runs at the main operation stage). Its request parameters
    /// and response properties are declared with <see cref="CustomApiRequestParameterAttribute"/> and
    /// <see cref="CustomApiResponsePropertyAttribute"/>; the packer and the local organization read all three as one
    /// <see cref="CustomApiDeclaration"/>.
    /// </summary>
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
}
