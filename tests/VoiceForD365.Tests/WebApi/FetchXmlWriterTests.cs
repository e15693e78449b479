using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Tests.Packing;
using VoiceForD365.WebApiClient.Query;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

/// <summary>The FetchXML the Web API client sends for a QueryExpression is valid against Microsoft's Fetch.xsd.</summary>
public sealed class FetchXmlWriterTests
{
    private static readonly string FetchSchema = Path.Combine(Repository.Reference, "schemas", "dataverse-9.0.0.2090", "Fetch.xsd");

    [Fact]
    public void QueryWithEveryPartTheProductUses_Should_BeValidFetchXml()
    {
        var query = new QueryExpression(PhoneCall.EntityName)
        {
            ColumnSet = new ColumnSet(PhoneCall.Subject, PhoneCall.ActualStart),
            Distinct = true,
            PageInfo = new PagingInfo { Count = 500, PageNumber = 2, PagingCookie = "<cookie page=\"1\"><activityid last=\"{00000000-0000-0000-0000-000000000001}\" first=\"{00000000-0000-0000-0000-000000000002}\" /></cookie>", ReturnTotalRecordCount = true },
        };
        query.Criteria.AddCondition(PhoneCall.Subject, ConditionOperator.Like, "Callback%");
        query.Criteria.AddCondition(PhoneCall.CallType, ConditionOperator.In, new OptionSetValue(CallType.Direct), CallType.Callback);
        query.Criteria.AddCondition(PhoneCall.ActualStart, ConditionOperator.OnOrAfter, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition(PhoneCall.RegardingObjectId, ConditionOperator.Null);
        either.AddCondition("queue", QueueItem.QueueId, ConditionOperator.NotNull);
        query.AddOrder(PhoneCall.ActualStart, OrderType.Descending);
        var item = query.AddLink(QueueItem.EntityName, PhoneCall.PrimaryId, QueueItem.ObjectId, JoinOperator.LeftOuter);
        item.EntityAlias = "queue";
        item.Columns = new ColumnSet(QueueItem.QueueId);
        item.AddLink(Queue.EntityName, QueueItem.QueueId, Queue.PrimaryId).Columns.AddColumn(Queue.Name);

        var (fetchXml, entity, links) = FetchXmlWriter.Write(query);

        Assert.Empty(PackedSolution.Validate(XElement.Parse(fetchXml), FetchSchema));
        Assert.Equal(PhoneCall.EntityName, entity);
        Assert.Equal(new Dictionary<string, string> { ["queue"] = QueueItem.EntityName, ["queue2"] = Queue.EntityName }, links);
        Assert.Contains("<condition attribute=\"vfd_calltype\" operator=\"in\"><value>100000000</value><value>100000002</value></condition>", fetchXml);
        Assert.Contains("link-type=\"outer\"", fetchXml);
    }
}
