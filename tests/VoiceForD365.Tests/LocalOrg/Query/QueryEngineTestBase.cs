using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>
/// The query engine's tests, one class per family of what it evaluates (mirroring LocalOrg/Query), run directly on
/// the engine over a <see cref="FakeQuerySource"/>; this base holds their sample rows and the helpers they share.
/// </summary>
public abstract class QueryEngineTestBase
{
    protected static readonly DateTime Now = FakeQuerySource.Now;

    /// <summary>
    /// Accounts: Contoso (2 contacts), Fabrikam (1 contact), Adventure Works (none), "contoso east" (lowercase, few
    /// values) and an account without any value. Contacts: Alice and Carol (Contoso), Bob (Fabrikam), Dave (none).
    /// </summary>
    private protected sealed class Sample
    {
        public readonly FakeQuerySource Source = new();
        public readonly Entity Contoso, Fabrikam, Adventure, ContosoEast, Blank;
        public readonly Entity Alice, Bob, Carol, Dave;

        public Sample()
        {
            Contoso = Source.AddAccount("Contoso", a =>
            {
                a["telephone1"] = "555-0100";
                a["revenue"] = new Money(1000m);
                a["numberofemployees"] = 50;
                a["createdon"] = Now.AddHours(-2);
                a["industrycode"] = new OptionSetValue(1);
                a["creditonhold"] = false;
            });
            Fabrikam = Source.AddAccount("Fabrikam", a =>
            {
                a["revenue"] = new Money(5000m);
                a["numberofemployees"] = 200;
                a["createdon"] = Now.AddDays(-3);
                a["industrycode"] = new OptionSetValue(2);
                a["creditonhold"] = true;
            });
            Adventure = Source.AddAccount("Adventure Works", a =>
            {
                a["telephone1"] = "555-0199";
                a["numberofemployees"] = 10;
                a["createdon"] = Now.AddDays(-40);
                a["industrycode"] = new OptionSetValue(3);
            });
            ContosoEast = Source.AddAccount("contoso east", a =>
            {
                a["telephone1"] = "555-0300";
                a["revenue"] = new Money(250m);
            });
            Blank = Source.AddAccount(null);

            Alice = Source.AddContact("Alice Anders", Contoso, c => c["emailaddress1"] = "alice@contoso.com");
            Bob = Source.AddContact("Bob Brown", Fabrikam);
            Carol = Source.AddContact("Carol Clark", Contoso);
            Dave = Source.AddContact("Dave Dunn");

            Contoso["primarycontactid"] = new EntityReference("contact", Alice.Id);
            Fabrikam["primarycontactid"] = new EntityReference("contact", Bob.Id);
        }

        public EntityCollection Run(QueryBase query) => QueryEngine.Execute(query, Source);

        public string[] Names(QueryBase query, string column = "name") =>
            Run(query).Entities.Select(e => e.GetAttributeValue<string>(column) ?? "<null>").ToArray();

        public string[] SortedNames(QueryBase query, string column = "name") => Names(query, column).Order(StringComparer.Ordinal).ToArray();
    }

    protected static QueryExpression Accounts(params ConditionExpression[] conditions)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        foreach (var condition in conditions) query.Criteria.AddCondition(condition);
        return query;
    }

    protected static ConditionExpression Condition(string attribute, ConditionOperator op, params object[] values) => new(attribute, op, values);

    protected static OrganizationServiceFault Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail;

    protected static string[] Expect(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();
}
