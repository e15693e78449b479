using System.Collections.Generic;
using System.Globalization;

namespace System.Activities
{
    /// <summary>
    /// The environment of one execution of an activity: its argument values and the host's extensions. Valid only
    /// while the activity executes (afterwards every call throws ObjectDisposedException, as in Windows Workflow
    /// Foundation).
    /// </summary>
    public class ActivityContext
    {
        private readonly Dictionary<Argument, object> _values;
        private readonly IReadOnlyList<object> _extensions;
        private bool _disposed;

        internal ActivityContext(Dictionary<Argument, object> values, IReadOnlyList<object> extensions, Guid workflowInstanceId, string activityInstanceId)
        {
            _values = values;
            _extensions = extensions;
            WorkflowInstanceId = workflowInstanceId;
            ActivityInstanceId = activityInstanceId;
        }

        public Guid WorkflowInstanceId { get; }

        public string ActivityInstanceId { get; }

        /// <summary>The host's extension of type T (Dataverse: IWorkflowContext, IOrganizationServiceFactory, ITracingService), or null.</summary>
        public T GetExtension<T>() where T : class
        {
            ThrowIfDisposed();
            foreach (var extension in _extensions)
                if (extension is T typed) return typed;
            return null;
        }

        public T GetValue<T>(InArgument<T> argument) => Convert<T>(GetValue((Argument)Required(argument)));

        public T GetValue<T>(OutArgument<T> argument) => Convert<T>(GetValue((Argument)Required(argument)));

        public T GetValue<T>(InOutArgument<T> argument) => Convert<T>(GetValue((Argument)Required(argument)));

        public object GetValue(Argument argument)
        {
            Required(argument);
            ThrowIfDisposed();
            if (!_values.TryGetValue(argument, out var value)) throw NotDeclared(argument);
            return value;
        }

        public void SetValue<T>(InArgument<T> argument, T value) => SetValue((Argument)Required(argument), value);

        public void SetValue<T>(OutArgument<T> argument, T value) => SetValue((Argument)Required(argument), value);

        public void SetValue<T>(InOutArgument<T> argument, T value) => SetValue((Argument)Required(argument), value);

        public void SetValue(Argument argument, object value)
        {
            Required(argument);
            ThrowIfDisposed();
            if (!_values.ContainsKey(argument)) throw NotDeclared(argument);
            if (value == null ? argument.ArgumentType.IsValueType && Nullable.GetUnderlyingType(argument.ArgumentType) == null : !argument.ArgumentType.IsInstanceOfType(value))
                throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "A value of type '{0}' can't be assigned to an argument of type '{1}'.", value?.GetType().FullName ?? "null", argument.ArgumentType.FullName));
            _values[argument] = value;
        }

        internal void Dispose() => _disposed = true;

        internal static T Convert<T>(object value) => value == null ? default : (T)value;

        private static TArgument Required<TArgument>(TArgument argument) where TArgument : class =>
            argument ?? throw new ArgumentNullException(nameof(argument));

        private static InvalidOperationException NotDeclared(Argument argument) =>
            new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                "The argument of type '{0}' cannot be used. Make sure that it is declared on an activity.", argument.ArgumentType.FullName));

        private void ThrowIfDisposed()
        {
            if (_disposed)
                throw new ObjectDisposedException(nameof(ActivityContext), "An ActivityContext can only be accessed within the scope of the function it was passed into.");
        }
    }

    /// <summary>The context a <see cref="CodeActivity"/> executes with.</summary>
    public sealed class CodeActivityContext : ActivityContext
    {
        internal CodeActivityContext(Dictionary<Argument, object> values, IReadOnlyList<object> extensions, Guid workflowInstanceId, string activityInstanceId)
            : base(values, extensions, workflowInstanceId, activityInstanceId)
        {
        }
    }
}
