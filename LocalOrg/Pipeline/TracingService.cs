using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>The ITracingService of a plug-in step or workflow activity: lines go to the organization's trace log.</summary>
internal sealed class TracingService(string step, IExecutionContext context, ExecutionLog log) : ITracingService
{
    public void Trace(string format, params object[] args)
    {
        var text = args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format;
        log.Add(new PluginTrace(step, context.MessageName, context.PrimaryEntityName, context.Depth, text));
    }
}
