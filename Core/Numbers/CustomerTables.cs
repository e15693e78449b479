using System;
using System.Collections.Generic;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>
    /// The one catalogue of the tables callers are matched to and the phone columns of each, with their number key
    /// columns. The matcher, the key plug-in, the rebuild and the solution's key columns all read it; the plug-in's
    /// filtering attributes (constants: <see cref="Contact.PhoneColumns"/> and the like) are checked against it by a test.
    /// </summary>
    public static class CustomerTables
    {
        public static readonly CustomerTable Contact = new CustomerTable(Schema.Contact.EntityName, Schema.Contact.PrimaryId, Schema.Contact.FullName, Schema.Contact.StateActive,
            new PhoneColumn(Schema.Contact.Telephone1, Schema.Contact.Telephone1Key),
            new PhoneColumn(Schema.Contact.Telephone2, Schema.Contact.Telephone2Key),
            new PhoneColumn(Schema.Contact.Telephone3, Schema.Contact.Telephone3Key),
            new PhoneColumn(Schema.Contact.MobilePhone, Schema.Contact.MobilePhoneKey),
            new PhoneColumn(Schema.Contact.Business2, Schema.Contact.Business2Key),
            new PhoneColumn(Schema.Contact.Home2, Schema.Contact.Home2Key));

        public static readonly CustomerTable Account = new CustomerTable(Schema.Account.EntityName, Schema.Account.PrimaryId, Schema.Account.Name, Schema.Account.StateActive,
            new PhoneColumn(Schema.Account.Telephone1, Schema.Account.Telephone1Key),
            new PhoneColumn(Schema.Account.Telephone2, Schema.Account.Telephone2Key),
            new PhoneColumn(Schema.Account.Telephone3, Schema.Account.Telephone3Key));

        public static readonly CustomerTable Lead = new CustomerTable(Schema.Lead.EntityName, Schema.Lead.PrimaryId, Schema.Lead.FullName, Schema.Lead.StateOpen,
            new PhoneColumn(Schema.Lead.Telephone1, Schema.Lead.Telephone1Key),
            new PhoneColumn(Schema.Lead.Telephone2, Schema.Lead.Telephone2Key),
            new PhoneColumn(Schema.Lead.Telephone3, Schema.Lead.Telephone3Key),
            new PhoneColumn(Schema.Lead.MobilePhone, Schema.Lead.MobilePhoneKey));

        /// <summary>Every customer table, in the order matches are reported: contacts, then accounts, then leads.</summary>
        public static IReadOnlyList<CustomerTable> All { get; } = new[] { Contact, Account, Lead };

        /// <summary>The customer table of that logical name, or null.</summary>
        public static CustomerTable? Find(string? logicalName) =>
            All.FirstOrDefault(t => string.Equals(t.LogicalName, logicalName, StringComparison.Ordinal));
    }
}
