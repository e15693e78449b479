using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Query;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// RetrieveMultiple: a QueryExpression, QueryByAttribute or FetchExpression (as a QueryExpression) run by the query
/// engine; a virtual table's query answered by its data provider.
/// </summary>
internal sealed class RetrieveMultipleHandler() : MessageHandler(MessageNames.RetrieveMultiple)
{
    /// <summary>The table the query reads (no record id).</summary>
    public override EntityReference? PrimaryEntityOf(OrganizationRequest request, MessageContext context)
    {
        request.Parameters.TryGetValue(ParameterNames.Query, out var query);
        var table = query switch
        {
            QueryExpression expression => expression.EntityName,
            QueryByAttribute byAttribute => byAttribute.EntityName,
            FetchExpression fetch => FetchXmlQuery.EntityNameOf(fetch.Query),
            _ => null,
        };
        return table == null ? null : new EntityReference(table, Guid.Empty);
    }

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var query = Parameter<QueryBase>(request, ParameterNames.Query);
        if (PrimaryEntityOf(request, context) is { } target && context.Metadata.HasTable(target.LogicalName) && context.Metadata.Table(target.LogicalName) is { IsVirtual: true } table)
            return Results((ParameterNames.EntityCollection, VirtualTables.RetrieveMultiple(table, request, context)));
        if (query is FetchExpression fetch) query = FetchXmlQuery.ToQueryExpression(fetch.Query, context.Metadata.Table);
        return Results((ParameterNames.EntityCollection, QueryEngine.Execute(query, context.Records)));
    }

    public override OrganizationResponse CreateResponse() => new RetrieveMultipleResponse();
}
