namespace Microsoft.Xrm.Sdk.Metadata
{
    // The column metadata the product reads (RetrieveAttribute): its type and name, with the real SDK's values and shapes.

    public enum AttributeTypeCode
    {
        Boolean = 0,
        Customer = 1,
        DateTime = 2,
        Decimal = 3,
        Double = 4,
        Integer = 5,
        Lookup = 6,
        Memo = 7,
        Money = 8,
        Owner = 9,
        PartyList = 10,
        Picklist = 11,
        State = 12,
        Status = 13,
        String = 14,
        Uniqueidentifier = 15,
        CalendarRules = 16,
        Virtual = 17,
        BigInt = 18,
        ManagedProperty = 19,
        EntityName = 20,
    }

    public abstract class MetadataBase
    {
        protected MetadataBase()
        {
        }
    }

    public class AttributeMetadata : MetadataBase
    {
        public AttributeMetadata()
        {
        }

        protected AttributeMetadata(AttributeTypeCode attributeType) => AttributeType = attributeType;

        protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        {
            AttributeType = attributeType;
            SchemaName = schemaName;
        }

        public AttributeTypeCode? AttributeType { get; private set; }

        public string LogicalName { get; set; } = null!;

        public string SchemaName { get; set; } = null!;
    }
}
