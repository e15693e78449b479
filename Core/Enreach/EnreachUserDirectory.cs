using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

// The directory and its two small companions, the outcome and the result of a lookup: they make sense only together.
namespace VoiceForD365.Core.Enreach
{
    /// <summary>Outcome of looking an email up in an <see cref="EnreachUserDirectory"/>.</summary>
    public enum EnreachUserMatchOutcome
    {
        /// <summary>Exactly one Enreach user has the email, and its id is listed under no other email.</summary>
        Found,

        /// <summary>No Enreach user has the email.</summary>
        NotFound,

        /// <summary>Several Enreach users (different ids) have the email: none is picked.</summary>
        Ambiguous,

        /// <summary>The one Enreach user with the email is listed under other emails too: its id is given to no one.</summary>
        IdUnderSeveralEmails,

        /// <summary>The Enreach user with the email has the all-zero id, which identifies no one.</summary>
        EmptyId,

        /// <summary>The email looked up is empty.</summary>
        NoEmail,
    }

    /// <summary>Result of <see cref="EnreachUserDirectory.Find"/>.</summary>
    public sealed class EnreachUserMatch
    {
        private static readonly IReadOnlyList<EnreachUser> None = new EnreachUser[0];
        private static readonly IReadOnlyList<string> NoEmails = new string[0];

        private EnreachUserMatch(EnreachUserMatchOutcome outcome, string email, IReadOnlyList<EnreachUser> candidates, IReadOnlyList<string> emailsOfId)
        {
            Outcome = outcome;
            Email = email;
            Candidates = candidates;
            EmailsOfId = emailsOfId;
        }

        public EnreachUserMatchOutcome Outcome { get; }

        /// <summary>The email looked up (trimmed).</summary>
        public string Email { get; }

        /// <summary>The user found (only for <see cref="EnreachUserMatchOutcome.Found"/>).</summary>
        public EnreachUser? User => Outcome == EnreachUserMatchOutcome.Found ? Candidates[0] : null;

        /// <summary>Every Enreach user with the email: one unless ambiguous or not found (none).</summary>
        public IReadOnlyList<EnreachUser> Candidates { get; }

        /// <summary>For <see cref="EnreachUserMatchOutcome.IdUnderSeveralEmails"/>: every email Enreach lists the id under.</summary>
        public IReadOnlyList<string> EmailsOfId { get; }

        internal static EnreachUserMatch NoEmail() => new EnreachUserMatch(EnreachUserMatchOutcome.NoEmail, "", None, NoEmails);

        internal static EnreachUserMatch NotFound(string email) => new EnreachUserMatch(EnreachUserMatchOutcome.NotFound, email, None, NoEmails);

        internal static EnreachUserMatch Of(string email, IReadOnlyList<EnreachUser> users, IReadOnlyList<string> emailsOfId)
        {
            if (users.Count > 1) return new EnreachUserMatch(EnreachUserMatchOutcome.Ambiguous, email, users, NoEmails);
            if (users[0].Id == Guid.Empty) return new EnreachUserMatch(EnreachUserMatchOutcome.EmptyId, email, users, NoEmails);
            if (emailsOfId.Count > 1) return new EnreachUserMatch(EnreachUserMatchOutcome.IdUnderSeveralEmails, email, users, emailsOfId);
            return new EnreachUserMatch(EnreachUserMatchOutcome.Found, email, users, NoEmails);
        }
    }

    /// <summary>
    /// The Enreach users list indexed by email (the user name): one pass over the list, then constant-time lookups.
    /// Emails are compared as <see cref="Normalize"/> makes them, so the same address matches whatever its case, its
    /// surrounding spaces and its Unicode form (Dynamics may hold "å" precomposed, Enreach as "a" and a ring). An id
    /// listed under several emails, or the all-zero id, is matched to no one. Immutable, so it can be shared between threads.
    /// </summary>
    public sealed class EnreachUserDirectory
    {
        private readonly Dictionary<string, List<EnreachUser>> _byEmail = new Dictionary<string, List<EnreachUser>>(StringComparer.Ordinal);
        private readonly Dictionary<Guid, List<string>> _emailsById = new Dictionary<Guid, List<string>>();

        public EnreachUserDirectory(IEnumerable<EnreachUser> users)
        {
            if (users == null) throw new ArgumentNullException(nameof(users));
            var count = 0;
            foreach (var user in users)
            {
                if (user == null) continue;
                count++;
                var key = Normalize(user.UserName);
                if (key.Length == 0) continue;
                if (!_byEmail.TryGetValue(key, out var list))
                {
                    list = new List<EnreachUser>(1);
                    _byEmail.Add(key, list);
                }
                // The same user listed twice is still one user.
                if (!list.Any(u => u.Id == user.Id)) list.Add(user);
                if (!_emailsById.TryGetValue(user.Id, out var emails))
                {
                    emails = new List<string>(1);
                    _emailsById.Add(user.Id, emails);
                }
                if (!emails.Any(e => Normalize(e) == key)) emails.Add(user.UserName.Trim());
            }
            Count = count;
        }

        /// <summary>Users in the list the directory was built from.</summary>
        public int Count { get; }

        /// <summary>The Enreach user whose user name is <paramref name="email"/>, compared as <see cref="Normalize"/> makes them.</summary>
        public EnreachUserMatch Find(string? email)
        {
            var key = Normalize(email);
            if (key.Length == 0) return EnreachUserMatch.NoEmail();
            if (!_byEmail.TryGetValue(key, out var list)) return EnreachUserMatch.NotFound((email ?? "").Trim());
            return EnreachUserMatch.Of((email ?? "").Trim(), list, _emailsById[list[0].Id]);
        }

        /// <summary>
        /// An email as it is compared: trimmed, in Unicode normalization form C (composed), then case-folded (lower
        /// case, culture-invariant). Text that is not valid Unicode (a lone surrogate) is compared as it is, case-folded.
        /// </summary>
        public static string Normalize(string? email)
        {
            var text = (email ?? "").Trim();
            try
            {
                text = text.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                // Not normalizable: compared without it.
            }
            return text.ToLowerInvariant();
        }
    }
}
