namespace System.Activities
{
    public enum ArgumentDirection
    {
        In = 0,
        Out = 1,
        InOut = 2,
    }

    /// <summary>
    /// An argument of an activity. Its value lives in the context of one execution, never in the argument object,
    /// so one activity instance can run on several threads at once (Dataverse caches activity definitions).
    /// </summary>
    public abstract class Argument
    {
        internal Argument(Type argumentType, ArgumentDirection direction)
        {
            ArgumentType = argumentType;
            Direction = direction;
        }

        public Type ArgumentType { get; }

        public ArgumentDirection Direction { get; }

        /// <summary>An InArgument made from a value (new InArgument&lt;T&gt;(value)) has it when no input is bound.</summary>
        internal bool HasConstant { get; set; }

        internal object Constant { get; set; }

        public object Get(ActivityContext context) => Context(context).GetValue(this);

        public T Get<T>(ActivityContext context) => ActivityContext.Convert<T>(Context(context).GetValue(this));

        public void Set(ActivityContext context, object value) => Context(context).SetValue(this, value);

        /// <summary>An empty argument of the given type and direction (what the runtime binds to an argument property left null).</summary>
        public static Argument Create(Type type, ArgumentDirection direction)
        {
            if (type == null) throw new ArgumentNullException(nameof(type));
            var generic = direction switch
            {
                ArgumentDirection.In => typeof(InArgument<>),
                ArgumentDirection.Out => typeof(OutArgument<>),
                ArgumentDirection.InOut => typeof(InOutArgument<>),
                _ => throw new ArgumentOutOfRangeException(nameof(direction)),
            };
            return (Argument)Activator.CreateInstance(generic.MakeGenericType(type));
        }

        private static ActivityContext Context(ActivityContext context) => context ?? throw new ArgumentNullException(nameof(context));
    }

    public abstract class InArgument : Argument
    {
        internal InArgument(Type argumentType) : base(argumentType, ArgumentDirection.In)
        {
        }
    }

    public sealed class InArgument<T> : InArgument
    {
        public InArgument() : base(typeof(T))
        {
        }

        public InArgument(T constValue) : base(typeof(T))
        {
            HasConstant = true;
            Constant = constValue;
        }

        public static implicit operator InArgument<T>(T constValue) => new InArgument<T>(constValue);

        public new T Get(ActivityContext context) => Get<T>(context);

        public void Set(ActivityContext context, T value) => base.Set(context, value);
    }

    public abstract class OutArgument : Argument
    {
        internal OutArgument(Type argumentType) : base(argumentType, ArgumentDirection.Out)
        {
        }
    }

    public sealed class OutArgument<T> : OutArgument
    {
        public OutArgument() : base(typeof(T))
        {
        }

        public new T Get(ActivityContext context) => Get<T>(context);

        public void Set(ActivityContext context, T value) => base.Set(context, value);
    }

    public abstract class InOutArgument : Argument
    {
        internal InOutArgument(Type argumentType) : base(argumentType, ArgumentDirection.InOut)
        {
        }
    }

    public sealed class InOutArgument<T> : InOutArgument
    {
        public InOutArgument() : base(typeof(T))
        {
        }

        public new T Get(ActivityContext context) => Get<T>(context);

        public void Set(ActivityContext context, T value) => base.Set(context, value);
    }
}
