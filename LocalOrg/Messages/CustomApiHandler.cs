using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg.Pipeline;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// A custom API: checks the request against the declared parameters, runs the API's plug-in as the main operation and
/// returns the declared response properties (one handler per registered custom API).
/// </summary>
internal sealed class CustomApiHandler(CustomApiRegistration api) : MessageHandler(api.Declaration.UniqueName)
{
    public CustomApiRegistration Api => api;

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        foreach (var parameter in api.RequestParameters.Where(p => !p.IsOptional))
            if (!request.Parameters.ContainsKey(parameter.UniqueName))
                throw Faults.InvalidArgumentFault($"The custom API {api.Declaration.UniqueName} requires the parameter '{parameter.UniqueName}'.");
        var unknown = request.Parameters.Keys.FirstOrDefault(k => api.RequestParameters.All(p => p.UniqueName != k));
        if (unknown != null) throw Faults.InvalidArgumentFault($"The custom API {api.Declaration.UniqueName} has no parameter '{unknown}'.");
        var stepContext = context.RunMainOperation(api.Step);
        var results = new ParameterCollection();
        foreach (var property in api.ResponseProperties)
            results[property.UniqueName] = stepContext.OutputParameters.TryGetValue(property.UniqueName, out var output) ? output : null;
        stepContext.OutputParameters.Clear(); // the pipeline copies the declared results back
        return results;
    }
}
