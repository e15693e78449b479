namespace VoiceForD365.Solution.Model;

/// <summary>Depth of a privilege, with Dataverse's names (org-owned tables only know Global).</summary>
public enum PrivilegeDepth
{
    /// <summary>The user's own records (and those shared with them).</summary>
    Basic,

    /// <summary>Records of the user's business unit.</summary>
    Local,

    /// <summary>Records of the user's business unit and those below it.</summary>
    Deep,

    /// <summary>Every record of the organization.</summary>
    Global,
}
