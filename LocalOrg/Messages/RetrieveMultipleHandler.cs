using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Query;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>RetrieveMultiple: a QueryExpression or QueryByAttribute run by the query engine.</summary>
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
            _ => null,
        };
        return table == null ? null : new EntityReference(table, Guid.Empty);
    }

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context) =>
        Results((ParameterNames.EntityCollection, QueryEngine.Execute(Parameter<QueryBase>(request, ParameterNames.Query), context.Records)));
}
