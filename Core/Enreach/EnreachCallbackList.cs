using System;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>A callback list of Enreach (<c>GET /callbacklists</c>): what a callback profile picks by name. Immutable.</summary>
    public sealed class EnreachCallbackList
    {
        public EnreachCallbackList(Guid id, string name, string? description, Guid? queueId, string? queueName, string json)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            if (json == null) throw new ArgumentNullException(nameof(json));
            Id = id;
            Name = name;
            Description = description;
            QueueId = queueId;
            QueueName = queueName;
            Json = json;
        }

        public Guid Id { get; }

        public string Name { get; }

        /// <summary>What Enreach says of the list; null when nothing.</summary>
        public string? Description { get; }

        /// <summary>The service queue whose callbacks the list holds, when Enreach says.</summary>
        public Guid? QueueId { get; }

        public string? QueueName { get; }

        /// <summary>The record exactly as Enreach sent it.</summary>
        public string Json { get; }

        public override string ToString() => Name + " (" + Id.ToString("D", CultureInfo.InvariantCulture) + ")";
    }
}
