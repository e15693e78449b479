using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>One column's metadata, by table and column logical name.</summary>
    public sealed class RetrieveAttributeRequest : OrganizationRequest
    {
        public RetrieveAttributeRequest() => RequestName = "RetrieveAttribute";

        public string EntityLogicalName
        {
            get => Parameters.TryGetValue("EntityLogicalName", out var value) ? (string)value! : null!;
            set => Parameters["EntityLogicalName"] = value;
        }

        public string LogicalName
        {
            get => Parameters.TryGetValue("LogicalName", out var value) ? (string)value! : null!;
            set => Parameters["LogicalName"] = value;
        }

        public bool RetrieveAsIfPublished
        {
            get => Parameters.TryGetValue("RetrieveAsIfPublished", out var value) && value is bool published && published;
            set => Parameters["RetrieveAsIfPublished"] = value;
        }
    }

    public sealed class RetrieveAttributeResponse : OrganizationResponse
    {
        public AttributeMetadata AttributeMetadata =>
            Results.TryGetValue("AttributeMetadata", out var value) ? (AttributeMetadata)value! : null!;
    }
}
