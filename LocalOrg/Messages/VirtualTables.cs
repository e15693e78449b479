using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// The core operation of a message on a virtual table, as Dataverse runs it: no row is stored, so the table's data
/// provider plug-in for the message runs instead (in the request's transaction, at stage 30, with the request's
/// parameters) and its answer is the response. A message the provider does not implement is refused. The standard
/// handlers hand virtual tables here.
/// </summary>
internal static class VirtualTables
{
    /// <summary>Retrieve: the provider's BusinessEntity, after the columns asked for are checked against the table.</summary>
    public static Entity Retrieve(TableDefinition table, OrganizationRequest request, MessageContext context)
    {
        var columns = MessageHandler.Parameter<ColumnSet>(request, ParameterNames.ColumnSet);
        foreach (var column in columns.Columns) context.Metadata.Column(table, column);
        var entity = Answer<Entity>(table, MessageNames.Retrieve, ParameterNames.BusinessEntity, context);
        if (entity.LogicalName != table.LogicalName)
            throw Faults.Create(Faults.PluginError, $"The data provider of {table.LogicalName} answered Retrieve with a {entity.LogicalName}.");
        return entity;
    }

    /// <summary>
    /// RetrieveMultiple: the provider's BusinessEntityCollection. A data provider is handed every query as a
    /// QueryExpression, so FetchXML and QueryByAttribute are turned into one first.
    /// </summary>
    public static EntityCollection RetrieveMultiple(TableDefinition table, OrganizationRequest request, MessageContext context)
    {
        var query = MessageHandler.Parameter<QueryBase>(request, ParameterNames.Query) switch
        {
            QueryExpression expression => expression,
            FetchExpression fetch => FetchXmlQuery.ToQueryExpression(fetch.Query, context.Metadata.Table),
            QueryByAttribute byAttribute => ToQueryExpression(byAttribute),
            var other => throw Faults.InvalidArgumentFault($"The local organization doesn't pass {other.GetType().Name} queries to a data provider."),
        };
        foreach (var column in query.ColumnSet.Columns) context.Metadata.Column(table, column);
        request.Parameters[ParameterNames.Query] = query;
        var collection = Answer<EntityCollection>(table, MessageNames.RetrieveMultiple, ParameterNames.BusinessEntityCollection, context);
        collection.EntityName = table.LogicalName;
        return collection;
    }

    /// <summary>Create, Update or Delete: the provider's answer (the new id for Create), or Dataverse's refusal when it implements none.</summary>
    public static ParameterCollection Change(TableDefinition table, string message, MessageContext context)
    {
        var outputs = Run(table, message, context);
        var results = new ParameterCollection();
        if (message == MessageNames.Create && outputs.TryGetValue(ParameterNames.Id, out var id)) results[ParameterNames.Id] = id;
        return results;
    }

    private static T Answer<T>(TableDefinition table, string message, string output, MessageContext context) where T : class
    {
        var outputs = Run(table, message, context);
        var answer = outputs.TryGetValue(output, out var value) ? value as T : null;
        return answer ?? throw Faults.Create(Faults.PluginError, $"The data provider of {table.LogicalName} answered {message} without a {typeof(T).Name} in the output parameter {output}.");
    }

    /// <summary>Runs the provider's plug-in of the message; what it wrote into the output parameters, taken out of them (the handler's results are the response).</summary>
    private static ParameterCollection Run(TableDefinition table, string message, MessageContext context)
    {
        var provider = context.DataProviderOf(table.LogicalName);
        var operation = provider?.Operation(message) ?? throw NotImplemented(table, message, provider == null);
        var stepContext = context.RunMainOperation(operation);
        var outputs = new ParameterCollection();
        foreach (var output in stepContext.OutputParameters) outputs[output.Key] = output.Value;
        stepContext.OutputParameters.Clear();
        return outputs;
    }

    private static FaultException<OrganizationServiceFault> NotImplemented(TableDefinition table, string message, bool noProvider) =>
        Faults.Create(Faults.VirtualEntityFailure, noProvider
            ? $"Virtual Entity Operation Failed. The virtual table {table.LogicalName} has no data provider plug-ins registered in this organization: register the assembly that declares its main-operation steps."
            : $"Virtual Entity Operation Failed. The data provider of the virtual table {table.LogicalName} ({table.Virtual!.DataProviderName}) does not implement {message}: its rows live in the external system and are changed there.");

    private static QueryExpression ToQueryExpression(QueryByAttribute byAttribute)
    {
        if (byAttribute.Attributes.Count != byAttribute.Values.Count)
            throw Faults.InvalidArgumentFault($"QueryByAttribute on '{byAttribute.EntityName}' has {byAttribute.Attributes.Count} attribute(s) but {byAttribute.Values.Count} value(s): they must pair up.");
        var query = new QueryExpression(byAttribute.EntityName) { ColumnSet = byAttribute.ColumnSet, PageInfo = byAttribute.PageInfo, TopCount = byAttribute.TopCount };
        for (var i = 0; i < byAttribute.Attributes.Count; i++) query.Criteria.AddCondition(byAttribute.Attributes[i], ConditionOperator.Equal, byAttribute.Values[i]);
        foreach (var order in byAttribute.Orders) query.Orders.Add(order);
        return query;
    }
}
