using System;
using System.Activities;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Callbacks;

namespace VoiceForD365.Workflows
{
    /// <summary>
    /// Base of our custom workflow activities: builds a <see cref="LocalWorkflowContext"/> for each execution, traces
    /// entry, exit and elapsed time, and turns errors into an <see cref="InvalidPluginExecutionException"/> a person can
    /// act on (the process's system job shows its message). Dataverse caches activity instances and runs them on
    /// several threads, so no activity keeps state in fields: argument values live in the execution context.
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
            var step = string.Format(
                CultureInfo.InvariantCulture,
                "{0}: table {1}, record {2}, mode {3}, depth {4}, correlation id {5}",
                activityName,
                string.IsNullOrEmpty(workflow.PrimaryEntityName) ? "(none)" : workflow.PrimaryEntityName,
                workflow.PrimaryEntityId,
                workflow.WorkflowMode == 0 ? "background" : "real-time",
                workflow.Depth,
                workflow.CorrelationId);
            context.Trace("Entered " + step);
            var watch = Stopwatch.StartNew();
            var outcome = "failed";
            try
            {
                ExecuteWorkflowActivity(executionContext, context);
                outcome = "succeeded";
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (CallbackConfigurationException e)
            {
                // Already written for the administrator who reads the system job.
                context.Trace(e.Message);
                throw new InvalidPluginExecutionException(e.Message, e);
            }
            catch (Exception e)
            {
                context.Trace("Unexpected exception: {0}", e);
                throw new InvalidPluginExecutionException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Voice for D365 could not complete the step {0} on {1} {2}: {3} If the error persists, give your administrator the correlation id {4} so that they can find the details in the plug-in trace log.",
                        activityName,
                        string.IsNullOrEmpty(workflow.PrimaryEntityName) ? "record" : workflow.PrimaryEntityName,
                        workflow.PrimaryEntityId,
                        e.Message,
                        workflow.CorrelationId),
                    e);
            }
            finally
            {
                context.Trace("Exiting {0}: {1} after {2} ms", activityName, outcome, watch.ElapsedMilliseconds);
            }
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
