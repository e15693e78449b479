using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Samples;

/// <summary>
/// Sets values of the solution's environment variables the way an administrator does after importing it: an
/// <c>environmentvariablevalue</c> row for the imported definition (created, or updated when the variable has one).
/// The one copy of "point the product at this Enreach": the CLI demo, the tests and the benchmarks use it with the
/// Enreach emulator's API user, secret and endpoint.
/// </summary>
public static class EnvironmentVariableValues
{
    /// <summary>
    /// Points the Enreach API settings at <paramref name="apiEndpoint"/> (the endpoint override: no discovery) with the
    /// API user's credentials; <paramref name="timeBudget"/>, when given, sets the time budget of one Enreach operation.
    /// </summary>
    public static void SetEnreach(IOrganizationService service, string apiUserName, string apiSecret, Uri apiEndpoint, TimeSpan? timeBudget = null)
    {
        ArgumentNullException.ThrowIfNull(apiEndpoint);
        Set(service, EnreachEnvironmentVariables.ApiUserName, apiUserName);
        Set(service, EnreachEnvironmentVariables.ApiSecret, apiSecret);
        Set(service, EnreachEnvironmentVariables.ApiEndpoint, apiEndpoint.ToString());
        if (timeBudget is { } budget)
            Set(service, EnreachEnvironmentVariables.TimeBudgetSeconds, budget.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Sets the value of the environment variable <paramref name="schemaName"/>, whose definition the solution imported.</summary>
    /// <exception cref="InvalidOperationException">The organization has no definition with that schema name.</exception>
    public static void Set(IOrganizationService service, string schemaName, string value)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(schemaName);
        ArgumentNullException.ThrowIfNull(value);
        var definitions = new QueryExpression(EnvironmentVariableDefinition.EntityName) { ColumnSet = new ColumnSet(EnvironmentVariableDefinition.SchemaName), TopCount = 1 };
        definitions.Criteria.AddCondition(EnvironmentVariableDefinition.SchemaName, ConditionOperator.Equal, schemaName);
        var definition = service.RetrieveMultiple(definitions).Entities.FirstOrDefault()
            ?? throw new InvalidOperationException($"The organization has no environment variable definition {schemaName}: is the solution imported?");

        var values = new QueryExpression(EnvironmentVariableValue.EntityName) { ColumnSet = new ColumnSet(EnvironmentVariableValue.Value), TopCount = 1 };
        values.Criteria.AddCondition(EnvironmentVariableValue.DefinitionId, ConditionOperator.Equal, definition.Id);
        if (service.RetrieveMultiple(values).Entities.FirstOrDefault() is { } existing)
        {
            service.Update(new Entity(EnvironmentVariableValue.EntityName, existing.Id) { [EnvironmentVariableValue.Value] = value });
            return;
        }
        service.Create(new Entity(EnvironmentVariableValue.EntityName)
        {
            [EnvironmentVariableValue.SchemaName] = schemaName,
            [EnvironmentVariableValue.Value] = value,
            [EnvironmentVariableValue.DefinitionId] = definition.ToEntityReference(),
        });
    }
}
