using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg;

/// <summary>
/// The errors Dataverse returns, as the SDK client surfaces them: FaultException&lt;OrganizationServiceFault&gt;
/// with Dataverse's error code and message wording.
/// </summary>
public static class Faults
{
    public const int ObjectDoesNotExist = ErrorCodes.ObjectDoesNotExist;
    public const int InvalidArgument = ErrorCodes.InvalidArgument;
    public const int AttributeNotFound = unchecked((int)0x80041103);
    public const int EntityNotFound = ErrorCodes.EntityNotFound;
    public const int DuplicateRecordEntityKey = ErrorCodes.DuplicateRecordEntityKey;
    public const int DuplicateRecord = ErrorCodes.DuplicateRecord;
    public const int InvalidOperation = unchecked((int)0x80040265);
    public const int RequestNotSupported = ErrorCodes.RequestNotSupported;
    public const int PluginError = ErrorCodes.PluginError;
    public const int LoopDetected = unchecked((int)0x80044182);
    public const int ConcurrencyVersionMismatch = ErrorCodes.ConcurrencyVersionMismatch;
    public const int ConcurrencyVersionNotProvided = ErrorCodes.ConcurrencyVersionNotProvided;
    public const int QueryBuilderInvalidValue = unchecked((int)0x80040217);

    /// <summary>Dataverse's VirtualEntityFailure, "Virtual Entity Operation Failed." (Microsoft Learn, "Web service error codes").</summary>
    public const int VirtualEntityFailure = unchecked((int)0x80050263);

    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message) =>
        new(new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow }, new FaultReason(message));

    public static FaultException<OrganizationServiceFault> DuplicateKey() => Create(DuplicateRecord, "A record with matching key values already exists.");

    public static FaultException<OrganizationServiceFault> RowVersionMismatch() =>
        Create(ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided.");

    public static FaultException<OrganizationServiceFault> RowVersionNotProvided() =>
        Create(ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");

    public static FaultException<OrganizationServiceFault> ReadOnlyRecord() =>
        Create(ErrorCodes.CannotUpdateBecauseItIsReadOnly, "The object cannot be updated because it is read-only.");

    public static FaultException<OrganizationServiceFault> RecordNotFound(string table, Guid id) =>
        Create(ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    public static FaultException<OrganizationServiceFault> UnknownTable(string table) =>
        Create(EntityNotFound, $"Could not find entity with name '{table}'. The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

    public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column) =>
        Create(AttributeNotFound, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    public static FaultException<OrganizationServiceFault> WrongType(string table, string column, Type expected, object value) =>
        Create(InvalidArgument, $"Incorrect attribute value type {value.GetType().FullName} for attribute '{column}' of '{table}': expected {expected.FullName}.");

    public static FaultException<OrganizationServiceFault> InvalidArgumentFault(string message) => Create(InvalidArgument, message);

    /// <summary>A write to a table the local organization fills from what it imported and registered.</summary>
    public static FaultException<OrganizationServiceFault> ReadOnlyTable(string table) =>
        Create(InvalidArgument, $"The local organization keeps the {table} rows from what it imported and registered: they can't be created, changed or deleted, " +
            $"except the state (statecode, statuscode) of a plug-in step or a process, which disables or enables it. Declare registrations in code.");
}
