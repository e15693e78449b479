using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// A custom API as the packer writes it into the solution and the local organization runs it: one model of a
    /// <see cref="CustomApiAttribute"/> with its <see cref="CustomApiRequestParameterAttribute"/> and
    /// <see cref="CustomApiResponsePropertyAttribute"/> declarations.
    /// </summary>
    public sealed class CustomApiDeclaration
    {
        public CustomApiDeclaration(string pluginTypeName, string uniqueName, string displayName, string description, bool isFunction,
            IEnumerable<CustomApiFieldDeclaration> requestParameters, IEnumerable<CustomApiFieldDeclaration> responseProperties)
        {
            if (string.IsNullOrEmpty(uniqueName)) throw new ArgumentException(pluginTypeName + " declares a custom API without a unique name.", nameof(uniqueName));
            PluginTypeName = pluginTypeName;
            UniqueName = uniqueName;
            DisplayName = displayName ?? "";
            Description = description ?? "";
            IsFunction = isFunction;
            RequestParameters = requestParameters.ToList().AsReadOnly();
            ResponseProperties = responseProperties.ToList().AsReadOnly();
            // A custom API's plug-in runs at the main operation, synchronously, on no table.
            Step = new StepDeclaration(pluginTypeName, uniqueName, "", PipelineStage.MainOperation, ExecutionMode.Synchronous);
        }

        /// <summary>The custom API the attributes on the class <paramref name="pluginTypeName"/> declare.</summary>
        public static CustomApiDeclaration Of(string pluginTypeName, CustomApiAttribute api,
            IEnumerable<CustomApiRequestParameterAttribute> requestParameters, IEnumerable<CustomApiResponsePropertyAttribute> responseProperties)
        {
            if (api == null) throw new ArgumentNullException(nameof(api));
            return new CustomApiDeclaration(pluginTypeName, api.UniqueName, api.DisplayName, api.Description, api.IsFunction,
                requestParameters.Select(p => new CustomApiFieldDeclaration(p.UniqueName, p.Type, p.Description, p.IsOptional)),
                responseProperties.Select(p => new CustomApiFieldDeclaration(p.UniqueName, p.Type, p.Description, isOptional: false)));
        }

        /// <summary>Full name of the plug-in class that implements the custom API.</summary>
        public string PluginTypeName { get; }

        /// <summary>The message name callers send.</summary>
        public string UniqueName { get; }

        public string DisplayName { get; }

        public string Description { get; }

        /// <summary>A function is called with GET in the Web API; an action with POST.</summary>
        public bool IsFunction { get; }

        public IReadOnlyList<CustomApiFieldDeclaration> RequestParameters { get; }

        public IReadOnlyList<CustomApiFieldDeclaration> ResponseProperties { get; }

        /// <summary>The main-operation step that runs the custom API's plug-in.</summary>
        public StepDeclaration Step { get; }
    }
}
