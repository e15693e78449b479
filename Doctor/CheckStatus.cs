namespace VoiceForD365.Doctor;

/// <summary>How a check came out: a failure is something the product can't work with; a warning works, but not as it should.</summary>
public enum CheckStatus
{
    Ok,
    Warning,
    Failed,
}
