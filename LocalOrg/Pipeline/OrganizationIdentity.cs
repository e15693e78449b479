namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>Who the organization is, as every execution context and every stamped row states it.</summary>
internal sealed record OrganizationIdentity(Guid OrganizationId, string OrganizationName, Guid RootBusinessUnitId, Guid SystemUserId);
