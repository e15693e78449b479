using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Users;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>Custom API vfd_UpdateEnreachUserIds (the "Update Enreach User Ids" button): refreshes every Voice user in one run.</summary>
    [CustomApi(Name, DisplayName = "Update Enreach User Ids",
        Description = "Matches every Voice user (role held directly or through a team) to the Enreach users list and updates their Enreach User Id.")]
    [CustomApiResponseProperty(Updated, CustomApiFieldType.Integer, Description = "Users whose Enreach User Id was set or changed.")]
    [CustomApiResponseProperty(Unchanged, CustomApiFieldType.Integer, Description = "Users whose Enreach User Id was already right.")]
    [CustomApiResponseProperty(Cleared, CustomApiFieldType.Integer, Description = "Users whose email no Enreach user has any more: their stale id was cleared.")]
    [CustomApiResponseProperty(NotFound, CustomApiFieldType.Integer, Description = "Users without a matching Enreach user.")]
    [CustomApiResponseProperty(Ambiguous, CustomApiFieldType.Integer, Description = "Users whose email several Enreach users have.")]
    [CustomApiResponseProperty(Remaining, CustomApiFieldType.Integer, Description = "Users not yet matched because the run stopped within the 2-minute limit: run it again to continue.")]
    [CustomApiResponseProperty(Messages, CustomApiFieldType.String, Description = "One line per user that was not matched, and why.")]
    public sealed class UpdateEnreachUserIdsApi : PluginBase
    {
        public const string Name = "vfd_UpdateEnreachUserIds";
        public const string Updated = "Updated";
        public const string Unchanged = "Unchanged";
        public const string Cleared = "Cleared";
        public const string NotFound = "NotFound";
        public const string Ambiguous = "Ambiguous";
        public const string Remaining = "Remaining";
        public const string Messages = "Messages";

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var summary = EnreachUserIds.Update(context, among: null);
            var outputs = context.PluginExecutionContext.OutputParameters;
            outputs[Updated] = summary.Updated;
            outputs[Unchanged] = summary.Unchanged;
            outputs[Cleared] = summary.Cleared;
            outputs[NotFound] = summary.NotFound;
            outputs[Ambiguous] = summary.Ambiguous;
            outputs[Remaining] = summary.Remaining;
            outputs[Messages] = string.Join("\n", summary.Messages);
        }
    }
}
