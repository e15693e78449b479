using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// Resolves the owner of a callback profile's phone calls by its ownership rule:
    /// <list type="bullet">
    /// <item><b>API User</b>: the application user (a systemuser with an application id) that holds the Voice ApiUser
    /// security role, directly or through a team, and is enabled. Exactly one must: none or several is a configuration
    /// error, never a guess by name.</item>
    /// <item><b>Owner of Queue</b>: the owner of the profile's queue, a user (who must be enabled) or a team.</item>
    /// </list>
    /// </summary>
    public sealed class CallbackOwners
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CallbackOwners(IOrganizationService service, Action<string>? trace = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _trace = trace ?? (_ => { });
        }

        /// <exception cref="CallbackConfigurationException">The rule can't name exactly one enabled owner; the message says what to fix.</exception>
        public CallbackOwner Resolve(CallbackProfileSettings profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var owner = profile.OwnershipRule == CallbackOwnershipRule.ApiUser ? ApiUser(profile) : OwnerOfQueue(profile);
            _trace(string.Format(CultureInfo.InvariantCulture, "Ownership rule {0} of {1}: owner {2}.", CallbackProfileSettings.Label(profile.OwnershipRule), profile, owner));
            return owner;
        }

        /// <summary>The enabled application user holding the Voice ApiUser role (two queries: the role held directly, and through a team).</summary>
        public CallbackOwner ApiUser(CallbackProfileSettings profile)
        {
            var users = EnabledApiUsers();

            if (users.Count == 0)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "No enabled application user holds the {0} security role, so {1} (ownership rule API User) has no owner for its phone calls. " +
                    "In the Power Platform admin center, open the environment's application users and give the {0} role to the application user " +
                    "that the Enreach sync signs in as (the role on an ordinary user does not count), or change the profile's ownership rule to Owner of Queue.",
                    Role.VoiceApiUser, Describe(profile)));
            if (users.Count > 1)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "{0} enabled application users hold the {1} security role ({2}), so {3} (ownership rule API User) can't tell which one owns its phone calls. " +
                    "Remove the {1} role from all but the application user that the Enreach sync signs in as.",
                    users.Count, Role.VoiceApiUser, string.Join(", ", users.Select(NameOfUser)), Describe(profile)));

            var user = users.Single();
            var reference = new EntityReference(SystemUser.EntityName, user.Id) { Name = user.GetAttributeValue<string>(SystemUser.FullName) };
            return new CallbackOwner(reference, "application user " + NameOfUser(user) + " (holds " + Role.VoiceApiUser + ")");
        }

        /// <summary>
        /// Every enabled application user that holds the Voice ApiUser role, directly or through a team, by id (with its
        /// full name): exactly one must, for the API User rule and for vfd doctor. Two queries, however many there are.
        /// </summary>
        public IReadOnlyList<Entity> EnabledApiUsers()
        {
            var users = new Dictionary<Guid, Entity>();
            foreach (var query in new[] { ApiUserQuery(throughTeam: false), ApiUserQuery(throughTeam: true) })
                foreach (var row in _service.RetrieveMultiple(query).Entities)
                    if (!users.ContainsKey(row.Id)) users.Add(row.Id, row);
            _trace(string.Format(CultureInfo.InvariantCulture, "{0} enabled application user(s) hold the {1} role.", users.Count, Role.VoiceApiUser));
            return users.Values.OrderBy(u => u.Id).ToList();
        }

        /// <summary>'Name' (id), as messages name a user.</summary>
        public static string NameOfUser(Entity user) =>
            string.Format(CultureInfo.InvariantCulture, "'{0}' ({1})", user.GetAttributeValue<string>(SystemUser.FullName) ?? "(no name)", user.Id);

        /// <summary>The owner of the profile's queue: a team as it is, a user only when enabled.</summary>
        public CallbackOwner OwnerOfQueue(CallbackProfileSettings profile)
        {
            var queue = _service.Retrieve(Queue.EntityName, profile.Queue.Id, new ColumnSet(Queue.Name, Queue.OwnerId));
            var queueName = queue.GetAttributeValue<string>(Queue.Name) ?? profile.Queue.Id.ToString();
            var owner = queue.GetAttributeValue<EntityReference>(Queue.OwnerId)
                ?? throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "The queue '{0}' of {1} (ownership rule Owner of Queue) has no owner. Assign the queue to the user or team that should own its callbacks.",
                    queueName, Describe(profile)));

            if (owner.LogicalName == Team.EntityName)
            {
                var team = _service.Retrieve(Team.EntityName, owner.Id, new ColumnSet(Team.Name));
                var name = team.GetAttributeValue<string>(Team.Name);
                return new CallbackOwner(new EntityReference(Team.EntityName, owner.Id) { Name = name },
                    string.Format(CultureInfo.InvariantCulture, "team '{0}' ({1}), owner of the queue '{2}'", name, owner.Id, queueName));
            }

            var user = _service.Retrieve(SystemUser.EntityName, owner.Id, new ColumnSet(SystemUser.FullName, SystemUser.IsDisabled));
            if (user.GetAttributeValue<bool>(SystemUser.IsDisabled))
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "The queue '{0}' of {1} (ownership rule Owner of Queue) is owned by {2}, who is disabled, so its phone calls can't be assigned to them. " +
                    "Assign the queue to an enabled user or a team.",
                    queueName, Describe(profile), NameOfUser(user)));
            return new CallbackOwner(new EntityReference(SystemUser.EntityName, user.Id) { Name = user.GetAttributeValue<string>(SystemUser.FullName) },
                string.Format(CultureInfo.InvariantCulture, "user {0}, owner of the queue '{1}'", NameOfUser(user), queueName));
        }

        private static QueryExpression ApiUserQuery(bool throughTeam)
        {
            var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName, SystemUser.ApplicationId), TopCount = 50 };
            // An application user is a systemuser with an application id; people (and SYSTEM) have none.
            query.Criteria.AddCondition(SystemUser.ApplicationId, ConditionOperator.NotNull);
            query.Criteria.AddCondition(SystemUser.IsDisabled, ConditionOperator.Equal, false);
            var roles = throughTeam
                ? query.AddLink(Relationships.TeamMembershipIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId)
                    .AddLink(Relationships.TeamRolesIntersect, Team.PrimaryId, Team.PrimaryId)
                    .AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId)
                : query.AddLink(Relationships.SystemUserRolesIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId)
                    .AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId);
            // By name: each business unit has its own copy of a role, with the same name.
            roles.LinkCriteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceApiUser);
            query.AddOrder(SystemUser.PrimaryId, OrderType.Ascending);
            return query;
        }

        private static string Describe(CallbackProfileSettings profile) => "callback profile '" + profile.Name + "'";
    }
}
