namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Everything Voice for D365 assumes about the Enreach API without a public source: field names, paths, value
    /// encodings. One place, so a correction (from Enreach's documentation or a real answer) touches nothing else: the
    /// data contracts and <see cref="EnreachClient"/> take these names from here, and the core types the sync uses do
    /// not change. What is public is written where it is used, with its source (see <c>Contracts/</c>); the sources are
    /// the unofficial clients <c>mokso/enreachvoice</c> (Python), <c>mokso/PSBeneAPI</c> and
    /// <c>mokso/BeneCallArchiver</c> (PowerShell) and Enreach's page "Call Identifiers in EnreachVoice integration
    /// interfaces". The README lists these assumptions too. The emulator implements Enreach as assumed here. Public
    /// so that the solution's Callback List virtual table takes its columns' external names from here.
    /// </summary>
    public static class EnreachAssumptions
    {
        // ------------------------------------------------------------ GET /calls (a user's call events)

        /// <summary>
        /// The Enreach user whose call event it is (the agent). Assumed: <c>/calls</c> filters by <c>UserIDs</c>
        /// (seen), BeneCallArchiver's payload has <c>UserName</c> (seen), the id's field name is not seen.
        /// </summary>
        public const string UserCallUserId = "UserId";

        /// <summary>
        /// Name of the queue that allocated a service call to the agent. Assumed, next to <c>AnswerQueueId</c> (seen in
        /// mokso/enreachvoice's README).
        /// </summary>
        public const string UserCallQueueName = "AnswerQueueName";

        /// <summary>
        /// The privacy classification the user gave the call in Voice Center (Work / Private, or none): the
        /// configuration guide syncs only Work calls; the field's name and encoding are not public.
        /// Read as text (<see cref="ClassificationWork"/>, …) or as a number (<see cref="ClassificationNumbers"/>).
        /// </summary>
        public const string Classification = "Classification";

        /// <summary>
        /// When Enreach last changed the record (its post-processing, a correction). Assumed: <c>ModifiedAfter</c> /
        /// <c>ModifiedBefore</c> filter on it (seen), its name in the record is not seen. Optional when read.
        /// </summary>
        public const string Modified = "Modified";

        // ------------------------------------------------------------ classification values

        public const string ClassificationWork = "Work";
        public const string ClassificationPrivate = "Private";
        public const string ClassificationUnclassified = "Unclassified";

        /// <summary>
        /// The classification as a number, if Enreach sends its enum's value: 0 Unclassified, 1 Work, 2 Private, in
        /// that order (assumed).
        /// </summary>
        public static readonly string[] ClassificationNumbers = { ClassificationUnclassified, ClassificationWork, ClassificationPrivate };

        // ------------------------------------------------------------ GET /servicecall (a queue's view of its calls)

        /// <summary>
        /// The call event's own id. Assumed <c>Id</c> as on <c>/calls</c>; mokso/enreachvoice's test mock of
        /// <c>/servicecall</c> has <c>ServiceCallId</c>, read when <c>Id</c> is absent.
        /// </summary>
        public const string ServiceCallEventId = "Id";

        /// <summary>The mock's name of the id (mokso/enreachvoice tests).</summary>
        public const string ServiceCallEventIdInMock = "ServiceCallId";

        /// <summary>The whole call's id. Assumed: Enreach says CallId is the same id in every interface.</summary>
        public const string ServiceCallCallId = "CallId";

        /// <summary>The queue the call came to. Assumed (<c>QueueName</c> is seen).</summary>
        public const string ServiceCallQueueId = "QueueId";

        /// <summary>The caller's number and the number called, assumed named as on <c>/calls</c>.</summary>
        public const string ServiceCallANum = "ANum";

        public const string ServiceCallBNum = "BNum";

        /// <summary>When the call came to the queue, assumed named as on <c>/calls</c> (whose filter it shares).</summary>
        public const string ServiceCallStartTime = "StartTime";

        /// <summary>Whether the queue call was answered, assumed encoded as on <c>/calls</c> (truthy: not answered).</summary>
        public const string ServiceCallEndResult = "EndResult";

        /// <summary>The agent who answered the queue call (absent or null when no one did). Assumed.</summary>
        public const string ServiceCallAnsweredBy = "AnsweredByUserId";

        /// <summary>Recordings of the queue call, assumed named as on <c>/calls</c>.</summary>
        public const string ServiceCallRecordingIds = "RecordingIds";

        // A queue call has no privacy classification: the privacy choice is a user's on their own calls, and a call to
        // a service queue is the organization's. So a /servicecall record without Classification is read as Work
        // (assumed); one that has the field is read like /calls.

        // ------------------------------------------------------------ requests

        /// <summary>
        /// Several users in <c>UserIDs</c>: the parameter repeated once per id (<c>UserIDs=a&amp;UserIDs=b</c>), as
        /// ASP.NET Web API binds a list. Assumed: PSBeneAPI sends one id only.
        /// </summary>
        public const string UserIdsParameter = "UserIDs";

        /// <summary>
        /// The link a phone call keeps to its recording (<c>vfd_recordingurl</c>): the API's recording resource
        /// <c>{api}calls/recordings/{id}</c> (seen: it answers <c>{"URL": …}</c>, the relative address of the mp3) of
        /// the call's first recording. Resolving it to the mp3 would cost a request per call, so the sync does not;
        /// opening it needs the API user's credentials. Assumed to be the most lasting address of a recording.
        /// </summary>
        public const string RecordingPathPrefix = "calls/recordings/";

        // ------------------------------------------------------------ callback lists and requests (none of it public)

        /// <summary>
        /// <c>GET {api}callbacklists</c>: every callback list the API user may see. Assumed path; the name
        /// "callback list" and the item name "CallListItem" are Enreach's.
        /// </summary>
        public const string CallbackListsPath = "callbacklists";

        /// <summary>
        /// <c>GET {api}callbacklists/{listId}/requests?CreatedAfter=&amp;CreatedBefore=</c>: the requests of one list
        /// created within a window (UTC <c>yyyy-MM-dd HH:mm:ss</c>, as the call filters). Assumed path and parameters.
        /// </summary>
        public const string CallbackRequestsPathFormat = "callbacklists/{0}/requests";

        public const string CallbackCreatedAfterParameter = "CreatedAfter";
        public const string CallbackCreatedBeforeParameter = "CreatedBefore";

        /// <summary>
        /// <c>POST {api}callbacklists/{listId}/requests/{requestId}/close</c> with <see cref="CallbackCloseBody"/>:
        /// closes a request, as the "simple callback integration" has the external system do with every new request.
        /// Closing a closed request is harmless (so a retried close is safe). Assumed path, method and body.
        /// </summary>
        public const string CallbackClosePathFormat = "callbacklists/{0}/requests/{1}/close";

        /// <summary>The close request's body: a note for the request's history in Enreach. Assumed.</summary>
        public const string CallbackCloseBody = "{\"Note\":\"Logged as a phone call in Dynamics 365 by Voice for D365.\"}";

        // A callback list: Id, Name (assumed after ListId/ListName of /classification/calllistschemas, seen),
        // Description, QueueId, QueueName (assumed). The Id is assumed to be a GUID, like every Enreach id seen: it is
        // the Callback List virtual table's primary key, which Dataverse requires to be a GUID.
        public const string CallbackListId = "Id";
        public const string CallbackListName = "Name";
        public const string CallbackListDescription = "Description";
        public const string CallbackListQueueId = "QueueId";
        public const string CallbackListQueueName = "QueueName";

        // A callback request: Id, CallbackListId (seen as a callback item's list field in mokso/enreachvoice's README),
        // the caller's number, created time, note, status, voicemail recording (assumed names; the concepts are
        // Enreach's "call case": phone number, handling status, optional voicemail).
        public const string CallbackRequestId = "Id";
        public const string CallbackRequestListId = "CallbackListId";
        public const string CallbackRequestNumber = "ContactNumber";
        public const string CallbackRequestCreated = "Created";
        public const string CallbackRequestNote = "Note";
        public const string CallbackRequestStatus = "Status";
        public const string CallbackRequestVoicemail = "VoicemailRecordingId";

        // A voicemail is a recording: its link is formed as a call recording's (RecordingPathPrefix). Assumed.

        /// <summary>The status of a closed request (compared ignoring case). Assumed; other statuses are open.</summary>
        public const string CallbackStatusClosed = "Closed";
    }
}
