using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// RetrieveEnvironmentVariableSecretValue: the value of a secret-typed environment variable. Dataverse reads it from
/// Azure Key Vault; the local organization keeps it as the variable's value.
/// </summary>
internal sealed class RetrieveEnvironmentVariableSecretValueHandler() : MessageHandler(MessageNames.RetrieveEnvironmentVariableSecretValue)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var schemaName = Parameter<string>(request, ParameterNames.EnvironmentVariableName);
        var store = context.Records.Store;
        var definition = store.Rows(EnvironmentVariableDefinition.EntityName)
            .FirstOrDefault(d => string.Equals(d.GetAttributeValue<string>(EnvironmentVariableDefinition.SchemaName), schemaName, StringComparison.OrdinalIgnoreCase))
            ?? throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' does not exist.");
        if (definition.GetAttributeValue<OptionSetValue>(EnvironmentVariableDefinition.Type)?.Value != EnvironmentVariableDefinition.TypeSecret)
            throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' is not of type Secret.");
        var value = store.Rows(EnvironmentVariableValue.EntityName)
            .FirstOrDefault(v => v.GetAttributeValue<EntityReference>(EnvironmentVariableValue.DefinitionId)?.Id == definition.Id);
        return Results((ParameterNames.EnvironmentVariableSecretValue, value?.GetAttributeValue<string>(EnvironmentVariableValue.Value)
            ?? throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' has no value.")));
    }
}
