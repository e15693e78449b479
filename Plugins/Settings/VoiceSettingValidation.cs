using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Plugins.Settings
{
    /// <summary>
    /// A Voice for D365 setting the product knows (SettingCatalog) gets, in Value and in Long Value (the product reads
    /// Long Value when Value is empty), a value of its type — whole number, True/False, GUID or text — or the save fails
    /// with a message naming the setting, the expected type, the column and the value. A name with blanks around it or
    /// invisible characters in it is refused. Settings of the administrator's own pass with any value, and so does an
    /// empty value (not set). Pre-operation, synchronous: a wrong value is refused before anything is written, with no
    /// request of its own (an update reads the columns it doesn't change from the pre-image). The rule is Core's
    /// (SettingRecordCheck); the filter and the pre-image name the columns it checks.
    /// </summary>
    [PluginStep(MessageNames.Create, VoiceSetting.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: check the name and value of a new setting")]
    [PluginStep(MessageNames.Update, VoiceSetting.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = CheckedColumns, PreImageName = PreImage, PreImageAttributes = CheckedColumns,
        Description = "Voice for D365: check the name and value of a setting when its name, value or long value changes")]
    public sealed class VoiceSettingValidation : PluginBase
    {
        private const string PreImage = "pre";

        /// <summary>SettingRecordCheck.CheckedColumns, as attribute arguments must be constants.</summary>
        internal const string CheckedColumns = VoiceSetting.Name + "," + VoiceSetting.Value + "," + VoiceSetting.LongValue;

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            execution.PreEntityImages.TryGetValue(PreImage, out var before);

            var verdict = SettingRecordCheck.Check(target, before);
            if (verdict.Problem != null) throw new InvalidPluginExecutionException(verdict.Problem);
            context.Trace(verdict.Trace);
        }
    }
}
