using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Execution;

namespace VoiceForD365.Plugins
{
    /// <summary>
    /// Base of our plug-ins: builds a <see cref="LocalPluginContext"/> for each execution and runs the plug-in's work in
    /// Core's <see cref="ExecutionScope"/>, the execution path it shares with the workflow activities (traces entry,
    /// exit and elapsed time; passes errors meant for a person on unchanged; turns unexpected ones into an
    /// <see cref="InvalidPluginExecutionException"/> with the correlation id). Dataverse caches a plug-in instance and
    /// calls <see cref="Execute"/> from several threads at once, so neither this class nor a derived one keeps mutable
    /// instance state: everything an execution needs lives in its context.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase() => PluginName = GetType().FullName ?? GetType().Name;

        /// <summary>Full type name of the plug-in (as registered), used in traces and messages.</summary>
        protected string PluginName { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
                throw new InvalidPluginExecutionException(PluginName + " was run without a service provider; run it as a registered step of the Dataverse pipeline.");

            var context = new LocalPluginContext(serviceProvider);
            var execution = context.PluginExecutionContext;
            ExecutionScope.Run(PluginName, "stage " + execution.Stage.ToString(CultureInfo.InvariantCulture), execution, context.TracingService,
                () => ExecuteDataversePlugin(context));
        }

        /// <summary>The plug-in's work for one execution.</summary>
        protected abstract void ExecuteDataversePlugin(LocalPluginContext context);
    }

    /// <summary>
    /// What one plug-in execution gets from the pipeline: the execution context, tracing, and organization services
    /// as the user the step runs as, as the initiating user, and as SYSTEM (each created on first use).
    /// </summary>
    public sealed class LocalPluginContext
    {
        private IOrganizationService? _userService;
        private IOrganizationService? _initiatingUserService;
        private IOrganizationService? _systemService;

        public LocalPluginContext(IServiceProvider serviceProvider)
        {
            ServiceProvider = serviceProvider ?? throw new ArgumentNullException(nameof(serviceProvider));
            PluginExecutionContext = GetService<IPluginExecutionContext>();
            TracingService = GetService<ITracingService>();
            OrganizationServiceFactory = GetService<IOrganizationServiceFactory>();
        }

        public IServiceProvider ServiceProvider { get; }

        public IPluginExecutionContext PluginExecutionContext { get; }

        public ITracingService TracingService { get; }

        public IOrganizationServiceFactory OrganizationServiceFactory { get; }

        /// <summary>Service as the user the step runs as (UserId: the caller, or the user the step impersonates).</summary>
        public IOrganizationService UserService =>
            _userService ??= OrganizationServiceFactory.CreateOrganizationService(PluginExecutionContext.UserId);

        /// <summary>Service as the user whose action started the pipeline (InitiatingUserId), even under impersonation.</summary>
        public IOrganizationService InitiatingUserService =>
            _initiatingUserService ??= OrganizationServiceFactory.CreateOrganizationService(PluginExecutionContext.InitiatingUserId);

        /// <summary>Service as SYSTEM: ignores the caller's privileges. Only for work the product must do on the caller's behalf.</summary>
        public IOrganizationService SystemService =>
            _systemService ??= OrganizationServiceFactory.CreateOrganizationService(null);

        /// <summary>Writes a line to the plug-in trace log (the text is not a format string).</summary>
        public void Trace(string message) => TracingService.Trace("{0}", message);

        public void Trace(string format, params object[] args) =>
            TracingService.Trace("{0}", string.Format(CultureInfo.InvariantCulture, format, args));

        private T GetService<T>() where T : class =>
            ServiceProvider.GetService(typeof(T)) as T
            ?? throw new InvalidPluginExecutionException(
                "The plug-in pipeline supplied no " + typeof(T).Name + "; run the plug-in as a registered step in Dataverse (or in the local organization).");
    }
}
