namespace Microsoft.Xrm.Sdk.Messages
{
    public sealed class UpsertRequest : OrganizationRequest
    {
        public UpsertRequest() => RequestName = "Upsert";

        public Entity Target
        {
            get => Parameters.TryGetValue("Target", out var value) ? (Entity)value! : null!;
            set => Parameters["Target"] = value;
        }
    }

    public sealed class UpsertResponse : OrganizationResponse
    {
        public bool RecordCreated => Results.TryGetValue("RecordCreated", out var value) && value is bool created && created;

        public EntityReference Target => Results.TryGetValue("Target", out var value) ? (EntityReference)value! : null!;
    }
}
