using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// One entry of the discovery answer (<c>GET {discovery}/api/user?user=</c> answers an array of them; the first one
    /// counts). Discovery writes camelCase (<c>apiEndpoint</c>), unlike the API itself; PascalCase is read too, the
    /// documented casing winning. Public for DataContractJsonSerializer in partial trust.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachDiscoveryEntryContract
    {
        [DataMember(Name = "apiEndpoint")]
        public string? ApiEndpoint { get; set; }

        [DataMember(Name = "ApiEndpoint")]
        public string? ApiEndpointInPascalCase { get; set; }

        /// <summary>The API endpoint in whichever casing the answer used; null when it has none.</summary>
        public string? AnyApiEndpoint => ApiEndpoint ?? ApiEndpointInPascalCase;
    }
}
