using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Users
{
    /// <summary>
    /// Keeps Voice users' Enreach user ids current: reads the Enreach users list once, matches each user's email
    /// (override first) case-insensitively, and writes only the ids that change. Shared by the plug-ins, the custom
    /// API and the sync worker.
    /// </summary>
    public sealed class EnreachUserIdUpdater
    {
        /// <summary>Users holding an id before the clearing limit (a percentage) applies; below, only an empty Enreach list is refused.</summary>
        public const int HoldersBeforeTheLimitApplies = 10;

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
        /// <exception cref="EnreachException">Enreach could not be asked, or its list would clear too many ids
        /// (<see cref="EnreachUserIdClearingRefusedException"/>): nothing was written.</exception>
        public EnreachUserIdSummary UpdateVoiceUsers(IReadOnlyCollection<Guid>? among = null, Func<bool>? mayContinue = null)
        {
            var users = VoiceUsers.Find(_service, among);
            _trace(string.Format(CultureInfo.InvariantCulture, "{0} Voice user(s) to match{1}.", users.Count, among == null ? "" : " among " + among.Count + " user(s)"));
            var summary = new EnreachUserIdSummary();
            if (users.Count == 0) return summary;

            // Every Enreach request happens before the first write: an outage leaves every user as it was.
            var directory = new EnreachUserDirectory(_enreach().GetUsers());
            _trace(string.Format(CultureInfo.InvariantCulture, "Enreach has {0} user(s).", directory.Count));
            var matches = users.Select(u => directory.Find(u.MatchEmail)).ToList();
            // So does the guard: a wrong list (an empty answer, another tenant) must not wipe the ids.
            CheckClearing(users, matches, directory);
            for (var i = 0; i < users.Count; i++)
            {
                if (mayContinue != null && !mayContinue())
                {
                    summary.Stop(users.Count - i);
                    _trace($"Stopped after {i} of {users.Count} users to stay within the time limit; running again continues.");
                    break;
                }
                Apply(users[i], matches[i], summary);
            }
            _trace("Enreach user ids: " + summary + ".");
            return summary;
        }

        /// <summary>
        /// Throws <see cref="EnreachUserIdClearingRefusedException"/> when the run would clear more of the Enreach ids
        /// its users hold than <see cref="SettingNames.EnreachUserIdClearLimit"/> allows (a percentage, counted once
        /// at least <see cref="HoldersBeforeTheLimitApplies"/> users hold one), or any id when Enreach listed no user
        /// at all: a real Enreach always lists its API user, so an empty list is a wrong endpoint, tenant or an incident.
        /// </summary>
        private void CheckClearing(IReadOnlyList<VoiceUser> users, IReadOnlyList<EnreachUserMatch> matches, EnreachUserDirectory directory)
        {
            var holding = users.Count(u => u.EnreachUserId != null);
            var clearing = users.Where((u, i) => u.EnreachUserId != null && matches[i].Outcome != EnreachUserMatchOutcome.Found).Count();
            if (clearing == 0 || (directory.Count > 0 && holding < HoldersBeforeTheLimitApplies)) return;

            var limit = ClearLimitPercent();
            var percent = clearing * 100.0 / holding;
            if (percent <= limit) return;
            var raise = " To clear them deliberately (these users really left Enreach), set the Voice for D365 setting " + SettingNames.EnreachUserIdClearLimit +
                " to 100 for one update, then set it back.";
            var message = directory.Count == 0
                ? $"Enreach answered an empty users list, which would clear the Enreach User Id of {clearing} Voice user{(clearing == 1 ? "" : "s")}; nothing was written. " +
                  "Enreach always lists its API user, so an empty list means a wrong endpoint or tenant, or an Enreach incident: check the environment variables " +
                  EnreachEnvironmentVariables.ApiEndpoint + " and " + EnreachEnvironmentVariables.ApiUserName + ", and try again later." + raise
                : string.Format(CultureInfo.InvariantCulture,
                    "The Enreach users list ({0} users) would clear the Enreach User Id of {1} of the {2} Voice users who hold one ({3:0} %), more than the {4} % the setting {5} allows; nothing was written. " +
                    "If Enreach answered the wrong list, check the environment variables {6} and {7}, and try again later.",
                    directory.Count, clearing, holding, percent, limit, SettingNames.EnreachUserIdClearLimit,
                    EnreachEnvironmentVariables.ApiEndpoint, EnreachEnvironmentVariables.ApiUserName) + raise;
            _trace(message);
            throw new EnreachUserIdClearingRefusedException(message);
        }

        private int ClearLimitPercent()
        {
            var definition = SettingCatalog.Find(SettingNames.EnreachUserIdClearLimit)!;
            var value = new VoiceSettings(_service, _trace).GetString(definition.Name);
            if (value != null && definition.Accepts(value) && SettingCatalog.TryParseWholeNumber(value, out var percent)) return percent;
            if (value != null) _trace($"Setting {definition.Name}: '{value}' is not {definition.ExpectedValue}; the default {definition.DefaultValue} applies.");
            SettingCatalog.TryParseWholeNumber(definition.DefaultValue, out var fallback);
            return fallback;
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
