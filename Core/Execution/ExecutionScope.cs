using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Errors;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.Core.Execution
{
    /// <summary>
    /// The one execution path of our plug-ins and custom workflow activities. It traces entry, exit and elapsed time;
    /// passes an error meant for a person (an <see cref="InvalidPluginExecutionException"/> or an
    /// <see cref="ActionableException"/>) on with its message unchanged; and turns any other exception into an
    /// <see cref="InvalidPluginExecutionException"/> that gives the correlation id, after tracing the context it
    /// happened in. The context trace names the input parameters and their types, never their values, so no secret
    /// a request carries reaches the trace log.
    /// </summary>
    public static class ExecutionScope
    {
        /// <summary>Runs <paramref name="work"/> for one execution of <paramref name="handlerName"/>.</summary>
        /// <param name="handlerName">The plug-in's or activity's full type name, as registered.</param>
        /// <param name="position">Where in the pipeline it runs, for the trace: "stage 40", "background process".</param>
        /// <param name="context">The execution context Dataverse passed.</param>
        /// <param name="tracing">The tracing service Dataverse passed.</param>
        /// <param name="work">The plug-in's or activity's work.</param>
        /// <exception cref="InvalidPluginExecutionException">The work failed; the message is for the person who sees it.</exception>
        public static void Run(string handlerName, string position, IExecutionContext context, ITracingService tracing, Action work)
        {
            if (context == null) throw new ArgumentNullException(nameof(context));
            if (tracing == null) throw new ArgumentNullException(nameof(tracing));
            if (work == null) throw new ArgumentNullException(nameof(work));

            Trace(tracing, "Entered {0}: {1}", handlerName, Describe(context, position));
            var watch = Stopwatch.StartNew();
            var outcome = "failed";
            try
            {
                work();
                outcome = "succeeded";
            }
            catch (InvalidPluginExecutionException e)
            {
                // Already written for the person who sees it.
                Trace(tracing, "Stopped: {0}", e.Message);
                throw;
            }
            catch (ActionableException e)
            {
                Trace(tracing, "Stopped: {0}", e.Message);
                throw new InvalidPluginExecutionException(e.Message, e);
            }
            catch (Exception e)
            {
                Trace(tracing, "Unexpected exception in {0}. Context: {1}; user {2}, initiating user {3}, request id {4}; input parameters: {5}",
                    handlerName, Describe(context, position), context.UserId, context.InitiatingUserId, context.RequestId, InputParameters(context));
                Trace(tracing, "{0}", e);
                throw new InvalidPluginExecutionException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Voice for D365 could not complete {0} of {1} ({2}): {3} Try again; if the error persists, give your administrator the correlation id {4} so that they can find the details in the plug-in trace log.",
                        context.MessageName,
                        HasTable(context) ? context.PrimaryEntityName : "this request",
                        handlerName,
                        e.Message,
                        context.CorrelationId),
                    e);
            }
            finally
            {
                Trace(tracing, "Exiting {0}: {1} after {2} ms", handlerName, outcome, watch.ElapsedMilliseconds);
            }
        }

        private static string Describe(IExecutionContext context, string position) =>
            string.Format(
                CultureInfo.InvariantCulture,
                "message {0}, table {1}, record {2}, {3}, depth {4}, correlation id {5}",
                context.MessageName,
                HasTable(context) ? context.PrimaryEntityName : "(none)",
                context.PrimaryEntityId,
                position,
                context.Depth,
                context.CorrelationId);

        private static bool HasTable(IExecutionContext context) =>
            !string.IsNullOrEmpty(context.PrimaryEntityName) && context.PrimaryEntityName != StepDeclaration.NoTable;

        /// <summary>Each input parameter's name and type; for a record, its table and the names of its columns. Never a value.</summary>
        private static string InputParameters(IExecutionContext context)
        {
            var parameters = context.InputParameters;
            if (parameters == null || parameters.Count == 0) return "(none)";
            return string.Join(", ", parameters.Select(p => p.Key + " (" + TypeOf(p.Value) + ")"));
        }

        private static string TypeOf(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case Entity entity:
                    return string.Format(CultureInfo.InvariantCulture, "{0} {1} with columns {2}", value.GetType().FullName, entity.LogicalName,
                        entity.Attributes.Count == 0 ? "(none)" : string.Join(", ", entity.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal)));
                case EntityReference reference:
                    return value.GetType().FullName + " " + reference.LogicalName;
                default:
                    return value.GetType().FullName ?? value.GetType().Name;
            }
        }

        private static void Trace(ITracingService tracing, string format, params object?[] args) =>
            tracing.Trace("{0}", string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
