using System;
using System.Runtime.Serialization;

namespace VoiceForD365.Core.Errors
{
    /// <summary>
    /// Base of the product's errors meant for a person: the message says what went wrong and what an administrator or
    /// user can do about it, and never contains a secret. Plug-ins and workflow activities pass the message on
    /// unchanged (<see cref="Execution.ExecutionScope"/>); any other exception is an unexpected failure.
    /// </summary>
    /// <remarks>
    /// Serializable, as exceptions crossing the sandbox boundary must be. A derived type keeps its properties in
    /// <see cref="Exception.Data"/> (<see cref="GetState"/>, <see cref="SetState"/>), which <see cref="Exception"/>
    /// serializes itself, instead of overriding <see cref="Exception.GetObjectData"/>: that method is security-critical
    /// in .NET Framework 4, and a sandboxed (partially trusted, so transparent) assembly that overrides it fails to load
    /// the type ("Inheritance security rules violated while overriding member").
    /// </remarks>
    [Serializable]
    public abstract class ActionableException : Exception
    {
        private const string StatePrefix = "VoiceForD365.";

        protected ActionableException(string message, Exception? innerException = null)
            : base(message, innerException)
        {
        }

#pragma warning disable SYSLIB0051 // Obsolete in .NET 10, but what the .NET Framework sandbox deserializes exceptions with.
        protected ActionableException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
#pragma warning restore SYSLIB0051

        /// <summary>A property's value kept where serialization carries it (null when unset).</summary>
        protected object? GetState(string name) => Data[StatePrefix + name];

        /// <summary>Keeps a property's value where serialization carries it: a serializable value (number, text, TimeSpan) or null.</summary>
        protected void SetState(string name, object? value) => Data[StatePrefix + name] = value;
    }
}
