using System;
using System.Activities;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Execution;

namespace VoiceForD365.Workflows
{
    /// <summary>
    /// Base of our custom workflow activities: builds a <see cref="LocalWorkflowContext"/> for each execution and runs
    /// the activity's work in Core's <see cref="ExecutionScope"/>, the execution path it shares with the plug-ins
    /// (traces entry, exit and elapsed time; passes errors meant for a person on unchanged, so the process's system job
    /// shows their message; turns unexpected ones into an <see cref="InvalidPluginExecutionException"/> with the
    /// correlation id). Dataverse caches activity instances and runs them on several threads, so no activity keeps
    /// state in fields: argument values live in the execution context.
    /// </summary>
    public abstract class WorkflowActivityBase : CodeActivity
    {
        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            var activityName = GetType().FullName ?? GetType().Name;
            if (executionContext == null)
                throw new InvalidPluginExecutionException(activityName + " was run without an execution context; run it as a step of a Dataverse process.");

            var context = new LocalWorkflowContext(executionContext);
            var workflow = context.WorkflowContext;
            ExecutionScope.Run(activityName, workflow.WorkflowMode == 0 ? "background process" : "real-time process", workflow, context.TracingService,
                () => ExecuteWorkflowActivity(executionContext, context));
        }

        /// <summary>The activity's work for one execution: read the arguments from <paramref name="executionContext"/>, call Core, set the outputs.</summary>
        protected abstract void ExecuteWorkflowActivity(CodeActivityContext executionContext, LocalWorkflowContext context);
    }

    /// <summary>
    /// What one activity execution gets from Dataverse: the workflow context, tracing, and an organization service as
    /// the user the process runs as (the process owner for a background process; the owner or the calling user for a
    /// real-time one).
    /// </summary>
    public sealed class LocalWorkflowContext
    {
        private IOrganizationService? _userService;

        public LocalWorkflowContext(CodeActivityContext executionContext)
        {
            if (executionContext == null) throw new ArgumentNullException(nameof(executionContext));
            WorkflowContext = Extension<IWorkflowContext>(executionContext);
            TracingService = Extension<ITracingService>(executionContext);
            OrganizationServiceFactory = Extension<IOrganizationServiceFactory>(executionContext);
        }

        public IWorkflowContext WorkflowContext { get; }

        public ITracingService TracingService { get; }

        public IOrganizationServiceFactory OrganizationServiceFactory { get; }

        /// <summary>Service as the user the process runs as (IWorkflowContext.UserId).</summary>
        public IOrganizationService UserService =>
            _userService ??= OrganizationServiceFactory.CreateOrganizationService(WorkflowContext.UserId);

        /// <summary>The process's primary record (the record the process runs on).</summary>
        public EntityReference PrimaryEntity => new EntityReference(WorkflowContext.PrimaryEntityName, WorkflowContext.PrimaryEntityId);

        /// <summary>Writes a line to the trace log (the text is not a format string).</summary>
        public void Trace(string message) => TracingService.Trace("{0}", message);

        public void Trace(string format, params object[] args) =>
            TracingService.Trace("{0}", string.Format(CultureInfo.InvariantCulture, format, args));

        private static T Extension<T>(CodeActivityContext executionContext) where T : class =>
            executionContext.GetExtension<T>()
            ?? throw new InvalidPluginExecutionException(
                "The workflow host supplied no " + typeof(T).Name + "; run the activity as a step of a Dataverse process (or in the local organization).");
    }
}
