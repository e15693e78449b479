namespace VoiceForD365.Solution.Model;

public enum RequiredLevel
{
    None,
    Recommended,
    ApplicationRequired,
}
