using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Users
{
    /// <summary>
    /// Keeps Voice users' Enreach user ids current: reads the Enreach users list once, matches each user's email
    /// (override first) case-insensitively, and writes only the ids that change. Shared by the plug-ins, the custom
    /// API and the sync worker.
    /// </summary>
    public sealed class EnreachUserIdUpdater
    {
        private readonly IOrganizationService _service;
        private readonly Func<IEnreachClient> _enreach;
        private readonly Action<string> _trace;

        /// <param name="service">Reads the users and writes their ids.</param>
        /// <param name="enreach">Creates the Enreach client on first need, so a run with no Voice user asks nothing of Enreach (nor of its settings).</param>
        /// <param name="trace">Receives every decision.</param>
        public EnreachUserIdUpdater(IOrganizationService service, Func<IEnreachClient> enreach, Action<string> trace)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _enreach = enreach ?? throw new ArgumentNullException(nameof(enreach));
            _trace = trace ?? (_ => { });
        }

        /// <summary>Updates every Voice user, or only those of <paramref name="among"/> who are Voice users.</summary>
        /// <param name="mayContinue">
        /// Asked before each user: false stops the run (what was written stays; the rest is reported as remaining), so a
        /// caller inside Dataverse's 2-minute limit can end in time. Running again continues, as unchanged users cost no write.
        /// </param>
        /// <exception cref="EnreachException">Enreach could not be asked: nothing was written.</exception>
        public EnreachUserIdSummary UpdateVoiceUsers(IReadOnlyCollection<Guid>? among = null, Func<bool>? mayContinue = null)
        {
            var users = VoiceUsers.Find(_service, among);
            _trace(string.Format(CultureInfo.InvariantCulture, "{0} Voice user(s) to match{1}.", users.Count, among == null ? "" : " among " + among.Count + " user(s)"));
            var summary = new EnreachUserIdSummary();
            if (users.Count == 0) return summary;

            // Every Enreach request happens before the first write: an outage leaves every user as it was.
            var directory = new EnreachUserDirectory(_enreach().GetUsers());
            _trace(string.Format(CultureInfo.InvariantCulture, "Enreach has {0} user(s).", directory.Count));
            for (var i = 0; i < users.Count; i++)
            {
                if (mayContinue != null && !mayContinue())
                {
                    summary.Stop(users.Count - i);
                    _trace($"Stopped after {i} of {users.Count} users to stay within the time limit; running again continues.");
                    break;
                }
                Apply(users[i], directory.Find(users[i].MatchEmail), summary);
            }
            _trace("Enreach user ids: " + summary + ".");
            return summary;
        }

        private void Apply(VoiceUser user, EnreachUserMatch match, EnreachUserIdSummary summary)
        {
            var current = user.EnreachUserId;
            var held = user.EnreachUserIdValue != null;
            switch (match.Outcome)
            {
                case EnreachUserMatchOutcome.Found:
                    var id = match.User!.Id;
                    if (current == id)
                    {
                        summary.Add(EnreachUserIdOutcome.Unchanged, null);
                        return;
                    }
                    Write(user, id);
                    _trace($"{user}: matched {match.Email} to Enreach user {id}.");
                    summary.Add(EnreachUserIdOutcome.Updated, null);
                    return;
                case EnreachUserMatchOutcome.Ambiguous:
                    if (held) Write(user, null);
                    Report(summary, EnreachUserIdOutcome.Ambiguous,
                        $"{user}: {match.Candidates.Count} Enreach users have the email {match.Email} ({string.Join(", ", match.Candidates.Select(c => c.Id))}); no Enreach user id is set until only one has it.");
                    return;
                case EnreachUserMatchOutcome.IdUnderSeveralEmails:
                    // Given to each of them, one Enreach user's calls would be logged for several people.
                    if (held) Write(user, null);
                    Report(summary, EnreachUserIdOutcome.Ambiguous,
                        $"{user}: Enreach lists the user {match.Candidates[0].Id} under {match.EmailsOfId.Count} emails ({string.Join(", ", match.EmailsOfId)}); no one gets its id until Enreach lists it under one email only.");
                    return;
                default:
                    var why = match.Outcome == EnreachUserMatchOutcome.NoEmail
                        ? $"{user}: has no email (primary or Enreach User Email) to match in Enreach"
                        : match.Outcome == EnreachUserMatchOutcome.EmptyId
                            ? $"{user}: Enreach lists the email {match.Email} with the all-zero id, which identifies no one"
                            : $"{user}: no Enreach user has the email {match.Email}";
                    if (held)
                    {
                        // A stale id would route calls to the wrong person; a value that is no id helps no one.
                        Write(user, null);
                        Report(summary, EnreachUserIdOutcome.Cleared, why + (current != null
                            ? $"; the previous Enreach user id {current} was cleared."
                            : $"; the value '{Shortened(user.EnreachUserIdValue!)}' in Enreach User Id, which is no Enreach user id, was cleared."));
                    }
                    else
                    {
                        Report(summary, EnreachUserIdOutcome.NotFound, why + ".");
                    }
                    return;
            }
        }

        /// <summary>A value for a message: at most 60 characters.</summary>
        private static string Shortened(string value) => value.Length <= 60 ? value : value.Substring(0, 60) + "…";

        private void Report(EnreachUserIdSummary summary, EnreachUserIdOutcome outcome, string message)
        {
            _trace(message);
            summary.Add(outcome, message);
        }

        private void Write(VoiceUser user, Guid? enreachUserId) =>
            _service.Update(new Entity(SystemUser.EntityName, user.Id) { [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(enreachUserId) });
    }
}
