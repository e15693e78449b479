using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// A user as Enreach answers it (<c>GET /users</c> lists them; <c>GET /users/{id}</c> and <c>GET /users/me</c> give
    /// one). Public with public members because DataContractJsonSerializer needs that in partial trust (the sandbox).
    /// Enreach writes these fields in PascalCase; each is also read in camelCase (and the id as <c>ID</c>, as Enreach
    /// spells OrganizationID), the documented casing winning when an answer has both. Members are text, so an answer
    /// whose id is not a GUID gets its own error instead of a serializer's.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachUserContract
    {
        [DataMember(Name = "Id")]
        public string? Id { get; set; }

        [DataMember(Name = "id")]
        public string? IdInCamelCase { get; set; }

        [DataMember(Name = "ID")]
        public string? IdInCapitals { get; set; }

        [DataMember(Name = "UserName")]
        public string? UserName { get; set; }

        [DataMember(Name = "userName")]
        public string? UserNameInCamelCase { get; set; }

        [DataMember(Name = "FirstName")]
        public string? FirstName { get; set; }

        [DataMember(Name = "firstName")]
        public string? FirstNameInCamelCase { get; set; }

        [DataMember(Name = "LastName")]
        public string? LastName { get; set; }

        [DataMember(Name = "lastName")]
        public string? LastNameInCamelCase { get; set; }

        /// <summary>The id in whichever casing the answer used; null when it has none.</summary>
        public string? AnyId => Id ?? IdInCamelCase ?? IdInCapitals;

        public string? AnyUserName => UserName ?? UserNameInCamelCase;

        public string? AnyFirstName => FirstName ?? FirstNameInCamelCase;

        public string? AnyLastName => LastName ?? LastNameInCamelCase;
    }
}
