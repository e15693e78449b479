using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Registration;
using Tables = VoiceForD365.Core.Schema;

namespace VoiceForD365.Workflows.Callbacks
{
    /// <summary>
    /// Resolves who owns a callback profile's phone calls, without changing anything, for admins' own processes. A
    /// Dataverse output argument of type EntityReference points to one table, and the owner may be a user or a team:
    /// so there are two outputs, of which exactly one is set, and a yes/no telling which.
    /// </summary>
    [WorkflowActivity("Resolve Callback Owner", WorkflowActivityGroups.VoiceForD365,
        Description = "Finds the owner (user or team) of a callback profile's phone calls by its ownership rule.")]
    public sealed class ResolveCallbackOwner : WorkflowActivityBase
    {
        [RequiredArgument]
        [Input("Callback Profile")]
        [ReferenceTarget(Tables.CallbackProfile.EntityName)]
        public InArgument<EntityReference?> CallbackProfile { get; set; } = new InArgument<EntityReference?>();

        /// <summary>The owner when it is a user (else empty).</summary>
        [Output("Owner (User)")]
        [ReferenceTarget(Tables.SystemUser.EntityName)]
        public OutArgument<EntityReference?> OwnerUser { get; set; } = new OutArgument<EntityReference?>();

        /// <summary>The owner when it is a team (else empty).</summary>
        [Output("Owner (Team)")]
        [ReferenceTarget(Tables.Team.EntityName)]
        public OutArgument<EntityReference?> OwnerTeam { get; set; } = new OutArgument<EntityReference?>();

        [Output("Owner Is Team")]
        public OutArgument<bool> OwnerIsTeam { get; set; } = new OutArgument<bool>();

        protected override void ExecuteWorkflowActivity(CodeActivityContext executionContext, LocalWorkflowContext context)
        {
            var profile = CallbackProfile.Get(executionContext)
                ?? throw new InvalidPluginExecutionException("Resolve Callback Owner needs a Callback Profile: choose one in the step's properties.");

            var settings = CallbackProfileSettings.Load(context.UserService, profile.Id);
            var owner = new CallbackOwners(context.UserService, context.Trace).Resolve(settings);

            OwnerUser.Set(executionContext, owner.IsTeam ? null : owner.Owner);
            OwnerTeam.Set(executionContext, owner.IsTeam ? owner.Owner : null);
            OwnerIsTeam.Set(executionContext, owner.IsTeam);
        }
    }
}
