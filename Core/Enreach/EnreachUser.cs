using System;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>A user of Enreach (from <c>GET /users</c>): its id and its user name, which is its email.</summary>
    public sealed class EnreachUser
    {
        public EnreachUser(Guid id, string userName, string? firstName = null, string? lastName = null)
        {
            if (userName == null) throw new ArgumentNullException(nameof(userName));
            Id = id;
            UserName = userName;
            FirstName = firstName;
            LastName = lastName;
        }

        /// <summary>The Enreach user id (what <c>systemuser.vfd_enreachuserid</c> holds).</summary>
        public Guid Id { get; }

        /// <summary>The Enreach user name: the user's email.</summary>
        public string UserName { get; }

        public string? FirstName { get; }

        public string? LastName { get; }

        public override string ToString() => UserName + " (" + Id.ToString("D", CultureInfo.InvariantCulture) + ")";
    }
}
