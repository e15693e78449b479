using System;

namespace VoiceForD365.Core.Users
{
    /// <summary>A user holding the Voice User role, with what matching them to Enreach needs.</summary>
    public sealed class VoiceUser
    {
        /// <param name="enreachUserIdValue">What the Enreach User Id column holds, as text (a GUID or not).</param>
        public VoiceUser(Guid id, string? fullName, string? primaryEmail, string? emailOverride, string? enreachUserIdValue)
        {
            Id = id;
            FullName = fullName;
            PrimaryEmail = primaryEmail;
            EmailOverride = emailOverride;
            EnreachUserIdValue = string.IsNullOrEmpty(enreachUserIdValue) ? null : enreachUserIdValue;
            EnreachUserId = Guid.TryParse(enreachUserIdValue, out var enreachId) && enreachId != Guid.Empty ? enreachId : (Guid?)null;
        }

        public Guid Id { get; }

        public string? FullName { get; }

        public string? PrimaryEmail { get; }

        public string? EmailOverride { get; }

        /// <summary>What the Enreach User Id column holds; null when it is empty.</summary>
        public string? EnreachUserIdValue { get; }

        /// <summary>The Enreach user id the column holds; null when it is empty or holds no Enreach user id (not a GUID, or the all-zero GUID).</summary>
        public Guid? EnreachUserId { get; }

        /// <summary>The email matched in Enreach: the Enreach User Email override when set, else the primary email.</summary>
        public string? MatchEmail => string.IsNullOrWhiteSpace(EmailOverride) ? PrimaryEmail : EmailOverride;

        public override string ToString() => (FullName ?? "user") + " (" + Id + ")";
    }
}
