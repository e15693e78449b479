namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// The Callback List virtual table: Enreach's callback lists, read through the solution's data provider (no rows in
    /// Dataverse). Its id is the Enreach list id; each column's external name is the Enreach field it shows.
    /// </summary>
    public static class CallbackList
    {
        public const string EntityName = "vfd_callbacklist";
        public const string PrimaryId = "vfd_callbacklistid";
        public const string Name = "vfd_name";
        public const string Description = "vfd_description";

        /// <summary>The Enreach service queue whose callbacks the list holds (an Enreach id, as text: it is no Dataverse queue).</summary>
        public const string EnreachQueueId = "vfd_enreachqueueid";
        public const string QueueName = "vfd_queuename";

        /// <summary>The data provider that answers Retrieve and RetrieveMultiple of the table (Dataverse's entitydataprovider).</summary>
        public const string DataProviderName = "Voice for D365 Enreach Data Provider";
    }

    /// <summary>
    /// The data source table of the Enreach data provider, and its one data source record. The provider reads its
    /// connection from the Enreach environment variables, so the data source holds nothing but its name.
    /// </summary>
    public static class EnreachDataSource
    {
        public const string EntityName = "vfd_enreachdatasource";
        public const string PrimaryId = "vfd_enreachdatasourceid";
        public const string Name = "vfd_name";

        /// <summary>The name of the data source record the Callback List table uses.</summary>
        public const string RecordName = "Enreach";
    }
}
