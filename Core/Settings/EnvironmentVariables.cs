using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// Reads Dataverse environment variables: the current value, else the default value. Secret-typed variables
    /// are read with RetrieveEnvironmentVariableSecretValue (Dataverse keeps them in Azure Key Vault).
    /// </summary>
    public sealed class EnvironmentVariables
    {
        private readonly IOrganizationService _service;
        private readonly Dictionary<string, Definition> _definitions;

        /// <summary>Loads the definitions (and their values) of the given variables with one query.</summary>
        public EnvironmentVariables(IOrganizationService service, params string[] schemaNames)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _definitions = Load(service, schemaNames);
        }

        /// <summary>The value of a variable; null when it isn't defined or has neither a value nor a default.</summary>
        public string? Get(string schemaName)
        {
            if (!_definitions.TryGetValue(schemaName, out var definition)) return null;
            if (!definition.IsSecret) return Empty(definition.Value) ?? Empty(definition.DefaultValue);
            // A secret's value row holds the Key Vault reference: without one there is nothing to retrieve.
            if (Empty(definition.Value) == null) return null;
            var response = _service.Execute(new OrganizationRequest(MessageNames.RetrieveEnvironmentVariableSecretValue) { [ParameterNames.EnvironmentVariableName] = schemaName });
            return Empty(response.Results.TryGetValue(ParameterNames.EnvironmentVariableSecretValue, out var secret) ? secret as string : null);
        }

        private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static Dictionary<string, Definition> Load(IOrganizationService service, string[] schemaNames)
        {
            var query = new QueryExpression(EnvironmentVariableDefinition.EntityName)
            {
                ColumnSet = new ColumnSet(EnvironmentVariableDefinition.SchemaName, EnvironmentVariableDefinition.DefaultValue, EnvironmentVariableDefinition.Type),
            };
            query.Criteria.AddCondition(EnvironmentVariableDefinition.SchemaName, ConditionOperator.In, schemaNames.Cast<object>().ToArray());
            var value = query.AddLink(EnvironmentVariableValue.EntityName, EnvironmentVariableDefinition.PrimaryId, EnvironmentVariableValue.DefinitionId, JoinOperator.LeftOuter);
            value.EntityAlias = "v";
            value.Columns = new ColumnSet(EnvironmentVariableValue.Value);

            var definitions = new Dictionary<string, Definition>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                definitions[row.GetAttributeValue<string>(EnvironmentVariableDefinition.SchemaName)] = new Definition(
                    row.GetAttributeValue<OptionSetValue>(EnvironmentVariableDefinition.Type)?.Value == EnvironmentVariableDefinition.TypeSecret,
                    row.GetAttributeValue<string>(EnvironmentVariableDefinition.DefaultValue),
                    row.GetAttributeValue<AliasedValue>("v." + EnvironmentVariableValue.Value)?.Value as string);
            }
            return definitions;
        }

        private sealed class Definition
        {
            public Definition(bool isSecret, string? defaultValue, string? value)
            {
                IsSecret = isSecret;
                DefaultValue = defaultValue;
                Value = value;
            }

            public bool IsSecret { get; }

            public string? DefaultValue { get; }

            public string? Value { get; }
        }
    }
}
