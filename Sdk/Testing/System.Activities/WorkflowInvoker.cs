using System.Activities.Hosting;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace System.Activities
{
    /// <summary>
    /// Runs an activity on the caller's thread, as Windows Workflow Foundation's WorkflowInvoker does: inputs are
    /// bound to the activity's In and InOut arguments by property name, the host's extensions are available through
    /// GetExtension, and the result is the values of its Out and InOut arguments by property name. This stand-in runs
    /// a single <see cref="CodeActivity"/>, which is what a Dataverse custom workflow activity is.
    /// </summary>
    public sealed class WorkflowInvoker
    {
        private readonly Activity _workflow;

        public WorkflowInvoker(Activity workflow)
        {
            _workflow = workflow ?? throw new ArgumentNullException(nameof(workflow));
            Extensions = new WorkflowInstanceExtensionManager();
        }

        public WorkflowInstanceExtensionManager Extensions { get; }

        public static IDictionary<string, object> Invoke(Activity workflow) => new WorkflowInvoker(workflow).Invoke();

        public static IDictionary<string, object> Invoke(Activity workflow, IDictionary<string, object> inputs) => new WorkflowInvoker(workflow).Invoke(inputs);

        public IDictionary<string, object> Invoke() => Invoke(new Dictionary<string, object>());

        public IDictionary<string, object> Invoke(IDictionary<string, object> inputs)
        {
            if (_workflow is not CodeActivity activity)
                throw new NotSupportedException($"The test stand-in of System.Activities runs a single CodeActivity, not a {_workflow.GetType().FullName}.");
            inputs ??= new Dictionary<string, object>();
            var arguments = Bind(activity);

            var unknown = inputs.Keys.Where(k => arguments.All(a => a.Name != k || a.Argument.Direction == ArgumentDirection.Out)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "The values provided for the root activity's arguments did not satisfy the root activity's requirements:\n'{0}': The following keys from the input dictionary do not map to arguments and must be removed: {1}. Please note that argument names are case sensitive.",
                    activity.DisplayName, string.Join(", ", unknown)), nameof(inputs));

            var values = new Dictionary<Argument, object>(ReferenceEqualityComparer.Instance);
            var errors = new List<string>();
            foreach (var (name, argument, required) in arguments)
            {
                object value = null;
                var supplied = argument.Direction != ArgumentDirection.Out && inputs.TryGetValue(name, out value);
                if (supplied)
                {
                    if (value == null ? argument.ArgumentType.IsValueType && Nullable.GetUnderlyingType(argument.ArgumentType) == null : !argument.ArgumentType.IsInstanceOfType(value))
                        throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                            "The value of the input '{0}' of '{1}' is a {2}; the argument is of type {3}.", name, activity.DisplayName, value?.GetType().FullName ?? "null", argument.ArgumentType.FullName), nameof(inputs));
                }
                else if (argument.HasConstant)
                {
                    value = argument.Constant;
                    supplied = true;
                }
                else
                {
                    value = argument.ArgumentType.IsValueType ? Activator.CreateInstance(argument.ArgumentType) : null;
                }
                if (required && !supplied && argument.Direction != ArgumentDirection.Out)
                    errors.Add(string.Format(CultureInfo.InvariantCulture, "'{0}': Value for a required activity argument '{1}' was not supplied.", activity.DisplayName, name));
                values[argument] = value;
            }
            if (errors.Count > 0)
                throw new InvalidWorkflowException("The following errors were encountered while processing the workflow tree:\n" + string.Join("\n", errors));

            var context = new CodeActivityContext(values, Extensions.Resolve(), Guid.NewGuid(), "1");
            try
            {
                activity.ExecuteIn(context);
            }
            finally
            {
                context.Dispose();
            }

            var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, argument, _) in arguments)
                if (argument.Direction != ArgumentDirection.In) outputs[name] = values[argument];
            return outputs;
        }

        /// <summary>
        /// The activity's argument properties. One left null gets an empty argument, as the workflow runtime binds one
        /// (once, under a lock: the same activity instance may run on several threads).
        /// </summary>
        private static List<(string Name, Argument Argument, bool Required)> Bind(Activity activity)
        {
            var result = new List<(string, Argument, bool)>();
            lock (activity)
            {
                foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!typeof(Argument).IsAssignableFrom(property.PropertyType) || property.GetIndexParameters().Length > 0 || property.GetMethod == null) continue;
                    var argument = (Argument)property.GetValue(activity);
                    if (argument == null)
                    {
                        if (!property.PropertyType.IsGenericType || property.SetMethod == null)
                            throw new InvalidWorkflowException($"The argument property '{property.Name}' of '{activity.DisplayName}' is null and can't be bound.");
                        var direction = typeof(InArgument).IsAssignableFrom(property.PropertyType) ? ArgumentDirection.In
                            : typeof(OutArgument).IsAssignableFrom(property.PropertyType) ? ArgumentDirection.Out : ArgumentDirection.InOut;
                        argument = Argument.Create(property.PropertyType.GetGenericArguments()[0], direction);
                        property.SetValue(activity, argument);
                    }
                    result.Add((property.Name, argument, property.IsDefined(typeof(RequiredArgumentAttribute), inherit: true)));
                }
            }
            return result;
        }
    }
}

namespace System.Activities.Hosting
{
    /// <summary>The extensions a host gives the activities it runs (GetExtension&lt;T&gt;()).</summary>
    public class WorkflowInstanceExtensionManager
    {
        private readonly List<object> _singletons = new List<object>();
        private readonly List<Func<object>> _providers = new List<Func<object>>();
        private bool _readOnly;

        public WorkflowInstanceExtensionManager()
        {
        }

        public virtual void Add(object singletonExtension)
        {
            if (singletonExtension == null) throw new ArgumentNullException(nameof(singletonExtension));
            ThrowIfReadOnly();
            _singletons.Add(singletonExtension);
        }

        public virtual void Add<T>(Func<T> extensionCreationFunction) where T : class
        {
            if (extensionCreationFunction == null) throw new ArgumentNullException(nameof(extensionCreationFunction));
            ThrowIfReadOnly();
            _providers.Add(extensionCreationFunction);
        }

        public void MakeReadOnly() => _readOnly = true;

        /// <summary>The extensions of one execution: the singletons, then one new instance from each provider.</summary>
        internal IReadOnlyList<object> Resolve() => _singletons.Concat(_providers.Select(p => p())).Where(e => e != null).ToList();

        private void ThrowIfReadOnly()
        {
            if (_readOnly) throw new InvalidOperationException("The WorkflowInstanceExtensionManager is read-only: extensions can't be added after it was used.");
        }
    }
}
