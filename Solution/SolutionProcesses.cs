using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution;

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
