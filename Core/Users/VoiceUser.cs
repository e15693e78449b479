using System;

namespace VoiceForD365.Core.Users
{
    /// <summary>A user holding the Voice User role, with what matching them to Enreach needs.</summary>
    public sealed class VoiceUser
    {
        public VoiceUser(Guid id, string? fullName, string? primaryEmail, string? emailOverride, Guid? enreachUserId)
        {
            Id = id;
            FullName = fullName;
            PrimaryEmail = primaryEmail;
            EmailOverride = emailOverride;
            EnreachUserId = enreachUserId;
        }

        public Guid Id { get; }

        public string? FullName { get; }

        public string? PrimaryEmail { get; }

        public string? EmailOverride { get; }

        public Guid? EnreachUserId { get; }

        /// <summary>The email matched in Enreach: the Enreach User Email override when set, else the primary email.</summary>
        public string? MatchEmail => string.IsNullOrWhiteSpace(EmailOverride) ? PrimaryEmail : EmailOverride;

        public override string ToString() => (FullName ?? "user") + " (" + Id + ")";
    }
}
