using System;
using System.Collections.Generic;
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

    /// <summary>Outcome of looking an email up in an <see cref="EnreachUserDirectory"/>.</summary>
    public enum EnreachUserMatchOutcome
    {
        /// <summary>Exactly one Enreach user has the email.</summary>
        Found,

        /// <summary>No Enreach user has the email.</summary>
        NotFound,

        /// <summary>Several Enreach users (different ids) have the email: none is picked.</summary>
        Ambiguous,

        /// <summary>The email looked up is empty.</summary>
        NoEmail,
    }

    /// <summary>Result of <see cref="EnreachUserDirectory.Find"/>.</summary>
    public sealed class EnreachUserMatch
    {
        private static readonly IReadOnlyList<EnreachUser> None = new EnreachUser[0];

        private EnreachUserMatch(EnreachUserMatchOutcome outcome, string email, IReadOnlyList<EnreachUser> candidates)
        {
            Outcome = outcome;
            Email = email;
            Candidates = candidates;
        }

        public EnreachUserMatchOutcome Outcome { get; }

        /// <summary>The email looked up (trimmed).</summary>
        public string Email { get; }

        /// <summary>The user found (only for <see cref="EnreachUserMatchOutcome.Found"/>).</summary>
        public EnreachUser? User => Outcome == EnreachUserMatchOutcome.Found ? Candidates[0] : null;

        /// <summary>Every Enreach user with the email: one when found, several when ambiguous, none otherwise.</summary>
        public IReadOnlyList<EnreachUser> Candidates { get; }

        internal static EnreachUserMatch NoEmail() => new EnreachUserMatch(EnreachUserMatchOutcome.NoEmail, "", None);

        internal static EnreachUserMatch NotFound(string email) => new EnreachUserMatch(EnreachUserMatchOutcome.NotFound, email, None);

        internal static EnreachUserMatch Of(string email, IReadOnlyList<EnreachUser> users) =>
            new EnreachUserMatch(users.Count == 1 ? EnreachUserMatchOutcome.Found : EnreachUserMatchOutcome.Ambiguous, email, users);
    }

    /// <summary>
    /// The Enreach users list indexed by email (the user name), case-insensitively and ignoring surrounding spaces:
    /// one pass over the list, then constant-time lookups. Immutable, so it can be shared between threads.
    /// </summary>
    public sealed class EnreachUserDirectory
    {
        private readonly Dictionary<string, List<EnreachUser>> _byEmail;

        public EnreachUserDirectory(IEnumerable<EnreachUser> users)
        {
            if (users == null) throw new ArgumentNullException(nameof(users));
            _byEmail = new Dictionary<string, List<EnreachUser>>(StringComparer.OrdinalIgnoreCase);
            var count = 0;
            foreach (var user in users)
            {
                if (user == null) continue;
                count++;
                var key = user.UserName.Trim();
                if (key.Length == 0) continue;
                if (!_byEmail.TryGetValue(key, out var list))
                {
                    list = new List<EnreachUser>(1);
                    _byEmail.Add(key, list);
                }
                // The same user listed twice is still one user.
                var known = false;
                foreach (var u in list)
                {
                    if (u.Id == user.Id) { known = true; break; }
                }
                if (!known) list.Add(user);
            }
            Count = count;
        }

        /// <summary>Users in the list the directory was built from.</summary>
        public int Count { get; }

        /// <summary>The Enreach user whose user name is <paramref name="email"/>, ignoring case and surrounding spaces.</summary>
        public EnreachUserMatch Find(string? email)
        {
            var key = (email ?? "").Trim();
            if (key.Length == 0) return EnreachUserMatch.NoEmail();
            return _byEmail.TryGetValue(key, out var list) ? EnreachUserMatch.Of(key, list) : EnreachUserMatch.NotFound(key);
        }
    }
}
