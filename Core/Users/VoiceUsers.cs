using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Users
{
    /// <summary>Who the Voice users are: holders of the Voice User role, directly or through a team.</summary>
    public static class VoiceUsers
    {
        private static readonly string[] Columns =
        {
            SystemUser.FullName, SystemUser.InternalEmailAddress, SystemUser.EnreachUserEmail, SystemUser.EnreachUserId,
        };

        /// <summary>
        /// The Voice users, each once: two queries (role held directly, role held by a team of the user), paged.
        /// With <paramref name="among"/>, only those of these users who are Voice users.
        /// </summary>
        public static IReadOnlyList<VoiceUser> Find(IOrganizationService service, IReadOnlyCollection<Guid>? among = null)
        {
            if (among != null && among.Count == 0) return new VoiceUser[0];
            var users = new Dictionary<Guid, VoiceUser>();
            foreach (var query in new[] { DirectRoleQuery(among), TeamRoleQuery(among) })
                foreach (var row in service.RetrieveAll(query))
                    if (!users.ContainsKey(row.Id)) users.Add(row.Id, ToVoiceUser(row));
            return users.Values.ToList();
        }

        /// <summary>
        /// The users whose Voice User status an Associate may have given them: a user given the Voice User role, a user
        /// joining a team that holds it, or the members of a team given it. Empty when the association is unrelated.
        /// </summary>
        public static IReadOnlyCollection<Guid> AffectedByAssociation(IOrganizationService service, string relationshipName, EntityReference target, IEnumerable<EntityReference> related)
        {
            var all = new[] { target }.Concat(related).ToList();
            var users = IdsOf(all, SystemUser.EntityName);
            var roles = IdsOf(all, Role.EntityName);
            var teams = IdsOf(all, Team.EntityName);
            switch (relationshipName)
            {
                case Relationships.SystemUserRoles:
                    return users.Count > 0 && AnyVoiceUserRole(service, roles) ? users : new Guid[0];
                case Relationships.TeamMembership:
                    return users.Count > 0 && TeamsHoldingVoiceUserRole(service, teams).Count > 0 ? users : new Guid[0];
                case Relationships.TeamRoles:
                    return teams.Count > 0 && AnyVoiceUserRole(service, roles) ? MembersOf(service, teams) : new Guid[0];
                default:
                    return new Guid[0];
            }
        }

        /// <summary>The members added by AddMembersTeam who became Voice users: all of them when the team holds the Voice User role.</summary>
        public static IReadOnlyCollection<Guid> AffectedByAddMembers(IOrganizationService service, Guid teamId, IReadOnlyCollection<Guid> memberIds) =>
            memberIds.Count > 0 && TeamsHoldingVoiceUserRole(service, new[] { teamId }).Count > 0 ? memberIds : new Guid[0];

        private static List<Guid> IdsOf(IEnumerable<EntityReference> references, string table) =>
            references.Where(r => r != null && r.LogicalName == table).Select(r => r.Id).Distinct().ToList();

        private static bool AnyVoiceUserRole(IOrganizationService service, IReadOnlyCollection<Guid> roleIds)
        {
            if (roleIds.Count == 0) return false;
            var query = new QueryExpression(Role.EntityName) { ColumnSet = new ColumnSet(Role.PrimaryId), TopCount = 1 };
            query.Criteria.AddCondition(Role.PrimaryId, ConditionOperator.In, roleIds.Cast<object>().ToArray());
            query.Criteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceUser);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }

        private static IReadOnlyCollection<Guid> TeamsHoldingVoiceUserRole(IOrganizationService service, IReadOnlyCollection<Guid> teamIds)
        {
            if (teamIds.Count == 0) return new Guid[0];
            var query = new QueryExpression(Relationships.TeamRolesIntersect) { ColumnSet = new ColumnSet(Team.PrimaryId) };
            query.Criteria.AddCondition(Team.PrimaryId, ConditionOperator.In, teamIds.Cast<object>().ToArray());
            query.AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId).LinkCriteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceUser);
            return service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<Guid>(Team.PrimaryId)).Distinct().ToList();
        }

        private static IReadOnlyCollection<Guid> MembersOf(IOrganizationService service, IReadOnlyCollection<Guid> teamIds)
        {
            var query = new QueryExpression(Relationships.TeamMembershipIntersect) { ColumnSet = new ColumnSet(SystemUser.PrimaryId) };
            query.Criteria.AddCondition(Team.PrimaryId, ConditionOperator.In, teamIds.Cast<object>().ToArray());
            return service.RetrieveAll(query).Select(e => e.GetAttributeValue<Guid>(SystemUser.PrimaryId)).Distinct().ToList();
        }

        private static QueryExpression DirectRoleQuery(IReadOnlyCollection<Guid>? among)
        {
            var query = UserQuery(among);
            query.AddLink(Relationships.SystemUserRolesIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId)
                .AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId)
                .LinkCriteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceUser);
            return query;
        }

        private static QueryExpression TeamRoleQuery(IReadOnlyCollection<Guid>? among)
        {
            var query = UserQuery(among);
            query.AddLink(Relationships.TeamMembershipIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId)
                .AddLink(Relationships.TeamRolesIntersect, Team.PrimaryId, Team.PrimaryId)
                .AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId)
                .LinkCriteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceUser);
            return query;
        }

        private static QueryExpression UserQuery(IReadOnlyCollection<Guid>? among)
        {
            var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(Columns) };
            if (among != null) query.Criteria.AddCondition(SystemUser.PrimaryId, ConditionOperator.In, among.Cast<object>().ToArray());
            query.AddOrder(SystemUser.PrimaryId, OrderType.Ascending);
            return query;
        }

        private static VoiceUser ToVoiceUser(Entity row) => new VoiceUser(
            row.Id,
            row.GetAttributeValue<string>(SystemUser.FullName),
            row.GetAttributeValue<string>(SystemUser.InternalEmailAddress),
            row.GetAttributeValue<string>(SystemUser.EnreachUserEmail),
            row.GetAttributeValue<string>(SystemUser.EnreachUserId));
    }
}
