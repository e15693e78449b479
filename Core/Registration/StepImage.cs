using System;
using System.Collections.Generic;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Registration
{
    /// <summary>Whether an image is the record before or after the operation, with Dataverse's numbers.</summary>
    public enum StepImageType
    {
        PreImage = 0,
        PostImage = 1,
    }

    /// <summary>
    /// An image of a step: a copy of the record as it was before (pre) or is after (post) the operation, with the
    /// declared columns, which the plug-in reads from PreEntityImages / PostEntityImages under <see cref="Name"/>.
    /// (StepImageType is this type's companion and lives here.)
    /// </summary>
    public sealed class StepImage
    {
        public StepImage(StepImageType type, string name, IEnumerable<string>? columns, string message)
        {
            if (string.IsNullOrEmpty(name)) throw new ArgumentException("An image needs a name: the key the plug-in reads it by.", nameof(name));
            Type = type;
            Name = name;
            Columns = (columns ?? Enumerable.Empty<string>()).ToList().AsReadOnly();
            MessagePropertyName = MessagePropertyOf(message);
        }

        public StepImageType Type { get; }

        /// <summary>The key in PreEntityImages / PostEntityImages (the registration's name and entity alias).</summary>
        public string Name { get; }

        /// <summary>The columns the image holds; empty: all columns.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The request property the image is of: the new record's Id for Create, EntityMoniker for SetState, the Target otherwise.</summary>
        public string MessagePropertyName { get; }

        private static string MessagePropertyOf(string message)
        {
            switch (message)
            {
                case MessageNames.Create:
                    return "Id";
                case MessageNames.SetState:
                case MessageNames.SetStateDynamicEntity:
                    return ParameterNames.EntityMoniker;
                default:
                    return ParameterNames.Target;
            }
        }
    }
}
