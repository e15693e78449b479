using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>A Dynamics user as the sync sees one: who owns the calls of an Enreach user or of a mobile number.</summary>
    internal sealed class SyncUser
    {
        public SyncUser(Guid id, string? name, Guid? enreachId, string? mobile, bool disabled)
        {
            Id = id;
            Name = name;
            EnreachId = enreachId;
            Mobile = mobile;
            Disabled = disabled;
        }

        public Guid Id { get; }

        public string? Name { get; }

        public Guid? EnreachId { get; }

        /// <summary>The user's mobile number as stored.</summary>
        public string? Mobile { get; }

        public bool Disabled { get; }

        public EntityReference Reference => new EntityReference(SystemUser.EntityName, Id) { Name = Name };

        public string Describe() => (Name ?? "user " + Id.ToString("D"));
    }

    /// <summary>
    /// The users that can own synced calls: those with an Enreach User Id or a mobile number, read in one query (paged
    /// beyond 5,000), indexed by Enreach id and by the mobile number's key (its last 7 digits, so that E.164 and local
    /// spellings of one number agree).
    /// </summary>
    internal sealed class SyncUsers
    {
        private readonly Dictionary<Guid, SyncUser> _byEnreachId = new Dictionary<Guid, SyncUser>();
        private readonly Dictionary<string, List<SyncUser>> _byMobile = new Dictionary<string, List<SyncUser>>(StringComparer.Ordinal);

        private SyncUsers(IEnumerable<SyncUser> users)
        {
            foreach (var user in users)
            {
                if (user.EnreachId is Guid enreachId && (!_byEnreachId.TryGetValue(enreachId, out var other) || (other.Disabled && !user.Disabled)))
                    _byEnreachId[enreachId] = user;
                var key = PhoneNumber.KeyOf(user.Mobile);
                if (key == null || user.Disabled) continue;
                if (!_byMobile.TryGetValue(key, out var list)) _byMobile[key] = list = new List<SyncUser>();
                list.Add(user);
            }
        }

        public static SyncUsers Load(IOrganizationService service)
        {
            var query = new QueryExpression(SystemUser.EntityName)
            {
                ColumnSet = new ColumnSet(SystemUser.FullName, SystemUser.EnreachUserId, SystemUser.MobilePhone, SystemUser.IsDisabled),
            };
            var any = query.Criteria.AddFilter(LogicalOperator.Or);
            any.AddCondition(SystemUser.EnreachUserId, ConditionOperator.NotNull);
            any.AddCondition(SystemUser.MobilePhone, ConditionOperator.NotNull);
            query.Orders.Add(new OrderExpression(SystemUser.PrimaryId, OrderType.Ascending));
            return new SyncUsers(service.RetrieveAll(query).Select(row => new SyncUser(row.Id, row.GetAttributeValue<string>(SystemUser.FullName),
                EnreachUserIdColumn.Read(row), row.GetAttributeValue<string>(SystemUser.MobilePhone), row.GetAttributeValue<bool>(SystemUser.IsDisabled))).ToList());
        }

        /// <summary>The user with that Enreach User Id (an enabled one, if several have it); null: none.</summary>
        public SyncUser? ByEnreachId(Guid enreachId) => _byEnreachId.TryGetValue(enreachId, out var user) ? user : null;

        /// <summary>The enabled users whose mobile number is <paramref name="number"/> (compared by number key).</summary>
        public IReadOnlyList<SyncUser> ByMobile(string? number)
        {
            var key = PhoneNumber.KeyOf(number);
            return key != null && _byMobile.TryGetValue(key, out var users) ? users : (IReadOnlyList<SyncUser>)new SyncUser[0];
        }
    }
}
