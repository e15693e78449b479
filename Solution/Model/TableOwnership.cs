namespace VoiceForD365.Solution.Model;

public enum TableOwnership
{
    UserOwned,
    OrganizationOwned,
}
