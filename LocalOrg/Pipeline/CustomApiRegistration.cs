using System.Reflection;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>A custom API as the local organization runs it: Core's <see cref="CustomApiDeclaration"/> of [CustomApi] and its parameter declarations.</summary>
public sealed class CustomApiRegistration
{
    public CustomApiRegistration(Type pluginType, CustomApiDeclaration declaration)
    {
        PluginType = pluginType;
        Declaration = declaration;
        Step = new StepRegistration(pluginType, declaration.Step, -1);
    }

    public Type PluginType { get; }

    public CustomApiDeclaration Declaration { get; }

    public IReadOnlyList<CustomApiFieldDeclaration> RequestParameters => Declaration.RequestParameters;

    public IReadOnlyList<CustomApiFieldDeclaration> ResponseProperties => Declaration.ResponseProperties;

    /// <summary>The main-operation step that runs the custom API's plug-in.</summary>
    public StepRegistration Step { get; }

    public static IEnumerable<CustomApiRegistration> FromTypes(IEnumerable<Type> pluginTypes) =>
        pluginTypes
            .Select(t => (Type: t, Api: t.GetCustomAttribute<CustomApiAttribute>()))
            .Where(x => x.Api != null)
            .Select(x => new CustomApiRegistration(x.Type, CustomApiDeclaration.Of(x.Type.FullName!, x.Api!,
                x.Type.GetCustomAttributes<CustomApiRequestParameterAttribute>(), x.Type.GetCustomAttributes<CustomApiResponsePropertyAttribute>())));
}
