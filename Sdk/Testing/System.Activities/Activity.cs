namespace System.Activities
{
    /// <summary>Base of every activity (test stand-in of the .NET Framework type).</summary>
    public abstract class Activity
    {
        private string _displayName;

        protected Activity()
        {
        }

        /// <summary>The name shown for the activity; by default its type name, as in Windows Workflow Foundation.</summary>
        public string DisplayName
        {
            get => _displayName ?? GetType().Name;
            set => _displayName = value;
        }
    }

    /// <summary>An activity whose work is its <see cref="Execute"/> method: the base of Dataverse custom workflow activities.</summary>
    public abstract class CodeActivity : Activity
    {
        protected CodeActivity()
        {
        }

        /// <summary>The activity's work: read the inputs and extensions from the context, set the outputs.</summary>
        protected abstract void Execute(CodeActivityContext context);

        internal void ExecuteIn(CodeActivityContext context) => Execute(context);
    }

    /// <summary>A required argument: running the activity without a value for it fails before it runs.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
    public sealed class RequiredArgumentAttribute : Attribute
    {
        public RequiredArgumentAttribute()
        {
        }
    }

    /// <summary>The workflow (here: the one activity) can't run as declared, e.g. a required argument has no value.</summary>
    public class InvalidWorkflowException : Exception
    {
        public InvalidWorkflowException()
        {
        }

        public InvalidWorkflowException(string message) : base(message)
        {
        }

        public InvalidWorkflowException(string message, Exception innerException) : base(message, innerException)
        {
        }
    }
}
