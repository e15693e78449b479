using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Numbers
{
    /// <summary>
    /// Keeps the number keys of contacts, accounts and leads (Core/Numbers): when a phone column is saved, its key
    /// column gets the last 7 digits of the number, or is cleared with it. Pre-operation, synchronous: the key is set
    /// in the Target itself, so it is written with the number in one write (nothing half-written, no request of its
    /// own, no privilege beyond the save's), for forms, imports and integrations alike.
    /// </summary>
    [PluginStep(MessageNames.Create, Contact.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: number keys of a new contact")]
    [PluginStep(MessageNames.Update, Contact.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = Contact.PhoneColumns, Description = "Voice for D365: number keys when a contact's phone numbers change")]
    [PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: number keys of a new account")]
    [PluginStep(MessageNames.Update, Account.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = Account.PhoneColumns, Description = "Voice for D365: number keys when an account's phone numbers change")]
    [PluginStep(MessageNames.Create, Lead.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: number keys of a new lead")]
    [PluginStep(MessageNames.Update, Lead.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = Lead.PhoneColumns, Description = "Voice for D365: number keys when a lead's phone numbers change")]
    public sealed class NumberKeysOnPhoneChange : PluginBase
    {
        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            var table = CustomerTables.Find(target.LogicalName)
                ?? throw new InvalidPluginExecutionException(PluginName + " is registered on " + target.LogicalName +
                    ", which has no phone columns Voice for D365 keys; remove that step (it is registered on contact, account and lead only).");

            var applied = NumberKeys.Apply(target, table);
            if (applied.Count == 0)
            {
                context.Trace("No phone column in the save: number keys unchanged.");
                return;
            }
            // The columns, not the numbers: phone numbers are personal data and stay out of the trace log.
            foreach (var column in applied)
                context.Trace("{0}: key {1}.", column.Column, target.GetAttributeValue<string>(column.KeyColumn) == null ? "cleared" : "set");
        }
    }
}
