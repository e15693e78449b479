using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>What QueryExpression and QueryByAttribute have in common.</summary>
internal sealed record QuerySpec(
    string? EntityName,
    ColumnSet ColumnSet,
    FilterExpression Criteria,
    IReadOnlyList<OrderExpression> Orders,
    IReadOnlyList<LinkEntity> Links,
    int? TopCount,
    bool Distinct,
    PagingInfo PageInfo)
{
    public static QuerySpec From(QueryBase query) => query switch
    {
        QueryExpression expression => new QuerySpec(
            expression.EntityName, expression.ColumnSet, expression.Criteria, expression.Orders.ToArray(), expression.LinkEntities.ToArray(),
            expression.TopCount, expression.Distinct, expression.PageInfo),
        QueryByAttribute byAttribute => FromByAttribute(byAttribute),
        _ => throw Faults.Create(Faults.RequestNotSupported,
            $"The local organization doesn't evaluate {query.GetType().Name} queries: use QueryExpression or QueryByAttribute."),
    };

    private static QuerySpec FromByAttribute(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
            throw Faults.InvalidArgumentFault(
                $"QueryByAttribute on '{query.EntityName}' has {query.Attributes.Count} attribute(s) but {query.Values.Count} value(s): they must pair up.");
        var criteria = new FilterExpression(LogicalOperator.And);
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            var condition = new ConditionExpression { AttributeName = query.Attributes[i], Operator = ConditionOperator.Equal };
            condition.Values.Add(query.Values[i]);
            criteria.AddCondition(condition);
        }
        return new QuerySpec(query.EntityName, query.ColumnSet, criteria, query.Orders.ToArray(), [], query.TopCount, false, query.PageInfo);
    }
}
