using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Solution.Model
{
    /// <summary>Process category, with Dataverse's numbers (workflow.category).</summary>
    public enum ProcessCategory
    {
        Workflow = 0,
    }

    /// <summary>Background (asynchronous, a system job) or real-time (synchronous, inside the triggering request), with Dataverse's numbers (workflow.mode).</summary>
    public enum ProcessMode
    {
        Background = 0,
        RealTime = 1,
    }

    /// <summary>Whose records trigger the process, with Dataverse's numbers (workflow.scope).</summary>
    public enum ProcessScope
    {
        User = 1,
        BusinessUnit = 2,
        ParentChildBusinessUnits = 3,
        Organization = 4,
    }

    /// <summary>Who a process runs as, with Dataverse's numbers (workflow.runas). A background process always runs as its owner.</summary>
    public enum ProcessRunAs
    {
        Owner = 0,
        CallingUser = 1,
    }

    /// <summary>The events that start the process on its table (workflow.triggeroncreate, triggeronupdateattributelist, triggerondelete).</summary>
    public sealed record ProcessTrigger
    {
        public bool OnCreate { get; init; }

        public bool OnUpdate { get; init; }

        /// <summary>With <see cref="OnUpdate"/>: only a change of one of these columns starts it; empty: any change.</summary>
        public IReadOnlyList<string> OnUpdateColumns { get; init; } = [];

        public bool OnDelete { get; init; }
    }

    public enum ProcessConditionOperator
    {
        /// <summary>The column has a value.</summary>
        ContainsData,

        /// <summary>The column is empty.</summary>
        DoesNotContainData,

        /// <summary>The column equals <see cref="ProcessCondition.Value"/>.</summary>
        EqualTo,
    }

    /// <summary>A check on the primary record before the steps run (the process's "Check condition" step).</summary>
    public sealed record ProcessCondition(string Column, ProcessConditionOperator Operator, object? Value = null);

    public enum ProcessValueSource
    {
        /// <summary>The primary record itself, as an EntityReference.</summary>
        PrimaryRecord,

        /// <summary>A column of the primary record.</summary>
        PrimaryColumn,

        /// <summary>A fixed value.</summary>
        Constant,
    }

    /// <summary>What a step sets one input argument of its activity to.</summary>
    public sealed record ProcessArgumentBinding(string Argument, ProcessValueSource Source, string? Column = null, object? Constant = null)
    {
        public static ProcessArgumentBinding PrimaryRecord(string argument) => new(argument, ProcessValueSource.PrimaryRecord);

        public static ProcessArgumentBinding PrimaryColumn(string argument, string column) => new(argument, ProcessValueSource.PrimaryColumn, column);

        public static ProcessArgumentBinding Value(string argument, object? constant) => new(argument, ProcessValueSource.Constant, null, constant);
    }

    /// <summary>
    /// A step that runs a custom workflow activity: the activity class (full name, and the assembly it ships in) and
    /// the value of each input argument (by property name; an input not bound here is empty).
    /// </summary>
    public sealed record ProcessStep(string Name, string Description, string ActivityType, string ActivityAssembly, IReadOnlyList<ProcessArgumentBinding> Inputs);

    /// <summary>
    /// A process (classic workflow) the solution ships: the data the packer turns into the solution's workflow
    /// definition (XAML) and that the local organization runs. Data only: no behaviour lives here.
    /// </summary>
    public sealed record ProcessDefinition(string UniqueName, string Name, string PrimaryEntity)
    {
        /// <summary>The workflow id: derived from the unique name, so every build (and every upgrade) has the same.</summary>
        public Guid Id => StableGuid.For("workflow", UniqueName);

        public string Description { get; init; } = "";

        public ProcessCategory Category { get; init; } = ProcessCategory.Workflow;

        public ProcessMode Mode { get; init; } = ProcessMode.Background;

        public ProcessScope Scope { get; init; } = ProcessScope.Organization;

        public ProcessRunAs RunAs { get; init; } = ProcessRunAs.Owner;

        public ProcessTrigger Trigger { get; init; } = new();

        /// <summary>Also offered to run on demand from a record.</summary>
        public bool OnDemand { get; init; }

        /// <summary>All must hold for the steps to run (evaluated against the primary record when the process runs).</summary>
        public IReadOnlyList<ProcessCondition> Conditions { get; init; } = [];

        public IReadOnlyList<ProcessStep> Steps { get; init; } = [];

        /// <summary>Activated when the solution is imported (statecode Activated), so it runs without an admin's action.</summary>
        public bool ActivateOnImport { get; init; }
    }
}

namespace VoiceForD365.Solution
{
    /// <summary>The processes the solution ships (SPEC C3).</summary>
    public static class SolutionProcesses
    {
        /// <summary>The assembly our custom workflow activities ship in.</summary>
        public const string WorkflowAssembly = "VoiceForD365.Workflows";

        /// <summary>The activity that applies a callback profile (Workflows/Callbacks/ApplyCallbackProfile.cs) and its inputs.</summary>
        public const string ApplyCallbackProfileActivity = "VoiceForD365.Workflows.Callbacks.ApplyCallbackProfile";

        /// <summary>
        /// When a phone call with a callback profile is created (by the callback sync, an import or a person), a
        /// background process assigns it by the profile's ownership rule, sets its subject and adds it to the profile's
        /// queue. Background, so a slow or failing step never holds up or fails the create; its system job shows the
        /// outcome.
        /// </summary>
        public static readonly ProcessDefinition ApplyCallbackProfileOnCreate = new("vfd_ApplyCallbackProfileOnPhoneCallCreate", "Voice for D365: Apply callback profile to new phone call", PhoneCall.EntityName)
        {
            Description = "Runs when a phone call with a Callback Profile is created: assigns it by the profile's ownership rule (API User or Owner of Queue), " +
                          "sets its subject (the profile's, else the setting CallbackRequestDefaultSubject) and adds it to the profile's queue.",
            Mode = ProcessMode.Background,
            Scope = ProcessScope.Organization,
            RunAs = ProcessRunAs.Owner,
            Trigger = new ProcessTrigger { OnCreate = true },
            Conditions = [new ProcessCondition(PhoneCall.CallbackProfileId, ProcessConditionOperator.ContainsData)],
            Steps =
            [
                new ProcessStep("ApplyCallbackProfile", "Apply the phone call's callback profile", ApplyCallbackProfileActivity, WorkflowAssembly,
                [
                    ProcessArgumentBinding.PrimaryRecord("PhoneCall"),
                    ProcessArgumentBinding.PrimaryColumn("CallbackProfile", PhoneCall.CallbackProfileId),
                ]),
            ],
            ActivateOnImport = true,
        };

        public static IReadOnlyList<ProcessDefinition> All { get; } = [ApplyCallbackProfileOnCreate];
    }
}
