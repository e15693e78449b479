using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Registration;
using Tables = VoiceForD365.Core.Schema;

namespace VoiceForD365.Workflows.Callbacks
{
    /// <summary>
    /// Applies a callback profile to a phone call: assigns it by the profile's ownership rule (API User → the
    /// application user holding Voice ApiUser; Owner of Queue → the queue's owner, user or team), sets its subject
    /// (the profile's, else the setting CallbackRequestDefaultSubject, else "Callback request") and adds it to the
    /// profile's queue. The shipped process runs it when a phone call with a callback profile is created; admins can
    /// use it in their own processes.
    /// </summary>
    [WorkflowActivity("Apply Callback Profile", WorkflowActivityGroups.VoiceForD365,
        Description = "Assigns a phone call by a callback profile's ownership rule, sets its subject and adds it to the profile's queue.")]
    public sealed class ApplyCallbackProfile : WorkflowActivityBase
    {
        /// <summary>The phone call; empty: the process's own record (which must be a phone call).</summary>
        [Input("Phone Call (empty: the record the process runs on)")]
        [ReferenceTarget(Tables.PhoneCall.EntityName)]
        public InArgument<EntityReference?> PhoneCall { get; set; } = new InArgument<EntityReference?>();

        /// <summary>The profile to apply; empty: the phone call's own Callback Profile.</summary>
        [Input("Callback Profile (empty: the phone call's own)")]
        [ReferenceTarget(Tables.CallbackProfile.EntityName)]
        public InArgument<EntityReference?> CallbackProfile { get; set; } = new InArgument<EntityReference?>();

        /// <summary>The new owner when it is a user (else empty).</summary>
        [Output("Owner (User)")]
        [ReferenceTarget(Tables.SystemUser.EntityName)]
        public OutArgument<EntityReference?> OwnerUser { get; set; } = new OutArgument<EntityReference?>();

        /// <summary>The new owner when it is a team (else empty).</summary>
        [Output("Owner (Team)")]
        [ReferenceTarget(Tables.Team.EntityName)]
        public OutArgument<EntityReference?> OwnerTeam { get; set; } = new OutArgument<EntityReference?>();

        [Output("Subject")]
        public OutArgument<string?> Subject { get; set; } = new OutArgument<string?>();

        protected override void ExecuteWorkflowActivity(CodeActivityContext executionContext, LocalWorkflowContext context)
        {
            var phoneCall = PhoneCall.Get(executionContext);
            if (phoneCall == null)
            {
                phoneCall = context.PrimaryEntity;
                context.Trace("No phone call given: the process's record {0} {1}.", phoneCall.LogicalName, phoneCall.Id);
            }
            var profile = CallbackProfile.Get(executionContext);

            var applied = new CallbackProfileApplier(context.UserService, context.Trace).Apply(phoneCall, profile);

            OwnerUser.Set(executionContext, applied.Owner.IsTeam ? null : applied.Owner.Owner);
            OwnerTeam.Set(executionContext, applied.Owner.IsTeam ? applied.Owner.Owner : null);
            Subject.Set(executionContext, applied.Subject.Text);
            context.Trace("Applied: {0}.", applied);
        }
    }
}
