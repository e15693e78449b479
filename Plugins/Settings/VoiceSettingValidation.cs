using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Plugins.Settings
{
    /// <summary>
    /// A Voice for D365 setting the product knows (SettingCatalog) gets a value of its type — whole number, True/False,
    /// GUID or text — or the save fails with a message naming the setting, the expected type and the value. Settings of
    /// the administrator's own pass, and so does an empty value (not set). Pre-operation, synchronous: a wrong value is
    /// refused before anything is written, with no request of its own (an update reads the name or value it doesn't
    /// change from the pre-image).
    /// </summary>
    [PluginStep(MessageNames.Create, VoiceSetting.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: check the value of a new setting")]
    [PluginStep(MessageNames.Update, VoiceSetting.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = VoiceSetting.Name + "," + VoiceSetting.Value,
        PreImageName = PreImage, PreImageAttributes = VoiceSetting.Name + "," + VoiceSetting.Value,
        Description = "Voice for D365: check the value of a setting when its name or value changes")]
    public sealed class VoiceSettingValidation : PluginBase
    {
        private const string PreImage = "pre";

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            execution.PreEntityImages.TryGetValue(PreImage, out var before);

            // An update carries only what changed: the other of name and value comes from the record as it was.
            var name = target.Contains(VoiceSetting.Name) ? target.GetAttributeValue<string>(VoiceSetting.Name) : before?.GetAttributeValue<string>(VoiceSetting.Name);
            var value = target.Contains(VoiceSetting.Value) ? target.GetAttributeValue<string>(VoiceSetting.Value) : before?.GetAttributeValue<string>(VoiceSetting.Value);

            var definition = SettingCatalog.Find(name);
            if (definition == null)
            {
                context.Trace("Setting '{0}' is not one of the product's: any value is accepted.", name ?? "");
                return;
            }
            var problem = definition.Check(value);
            if (problem != null) throw new InvalidPluginExecutionException(problem);
            context.Trace("Setting {0}: '{1}' is {2}.", definition.Name, value ?? "", string.IsNullOrWhiteSpace(value) ? "empty (not set)" : "accepted");
        }
    }
}
