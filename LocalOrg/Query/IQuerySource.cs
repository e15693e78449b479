using Microsoft.Xrm.Sdk;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>What the query engine reads: table metadata and the stored rows of a table.</summary>
internal interface IQuerySource
{
    /// <summary>The table's metadata; throws the Dataverse fault for an unknown table.</summary>
    TableDefinition Table(string logicalName);

    /// <summary>The stored rows of a table. The engine must not change them: it returns copies.</summary>
    IEnumerable<Entity> Rows(string logicalName);

    /// <summary>The current UTC time (date operators such as LastXDays are relative to it).</summary>
    DateTime UtcNow { get; }
}
