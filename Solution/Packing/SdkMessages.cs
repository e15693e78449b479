using VoiceForD365.Core.Schema;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// SDK message ids. Platform messages have the same sdkmessageid in every Dataverse organization (Microsoft Learn,
/// "Use messages with the SDK for .NET"), so an exported step names its message by id. A message missing here
/// (Associate and Disassociate: Microsoft does not list their ids) is written without SdkMessageId, which the schema
/// allows; its id is to be confirmed against an organization (GET sdkmessages?$filter=name eq 'Associate').
/// </summary>
public static class SdkMessages
{
    private static readonly Dictionary<string, Guid> Known = new(StringComparer.Ordinal)
    {
        [MessageNames.Assign] = new("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.Create] = new("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.Delete] = new("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.GrantAccess] = new("c5bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.Merge] = new("dbbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.ModifyAccess] = new("dcbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.Retrieve] = new("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.RetrieveMultiple] = new("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.RetrievePrincipalAccess] = new("04bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.RetrieveSharedPrincipalsAndAccess] = new("10bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.RevokeAccess] = new("11bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.SetState] = new("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.SetStateDynamicEntity] = new("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        [MessageNames.Update] = new("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    public static Guid? IdOf(string message) => Known.TryGetValue(message, out var id) ? id : null;
}
