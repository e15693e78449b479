using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// Evaluates QueryExpression and QueryByAttribute against an <see cref="IQuerySource"/> the way Dataverse does:
/// validation faults, SQL null semantics, case-insensitive text, inner/outer links with aliased values, orders,
/// TopCount, Distinct, and paging (page number or paging cookie, MoreRecords, TotalRecordCount).
/// </summary>
/// <remarks>
/// <para>Each call reads every table once, joins with hash indexes, filters, then sorts once: O(n log n) per page
/// request. Returned entities are copies; the store's rows are never changed.</para>
/// <para>Dataverse behaviours reproduced: links without EntityAlias are aliased <c>{linktoentityname}{N}</c> (N counts
/// all links depth-first from 1); link criteria belong to the join (ON clause); link orders apply after the main
/// orders; lookups order by the referenced row's primary name and choices by label; nulls sort first ascending;
/// ties are broken by the primary id; Distinct doesn't add the primary id unless it is selected; a page holds at most
/// 5000 rows and TotalRecordCount counts up to 5000; TopCount can't be combined with PageInfo paging or the total
/// count; condition values must be Guid for lookups, int for choices and decimal for money (an EntityReference,
/// OptionSetValue or Money value is refused like Dataverse refuses it).</para>
/// <para>Where the local organization differs: day-based date operators use UTC days (Dataverse uses the user's
/// time zone); text compares ordinally ignoring case (Dataverse's collation also ignores accents).</para>
/// </remarks>
internal static class QueryEngine
{
    /// <summary>Rows per page when PageInfo.Count isn't set, and the largest page Dataverse returns.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>The largest TopCount Dataverse accepts.</summary>
    public const int MaxTopCount = 5000;

    /// <summary>TotalRecordCount counts up to this many rows, then sets TotalRecordCountLimitExceeded.</summary>
    public const int MaxTotalRecordCount = 5000;

    public static EntityCollection Execute(QueryBase query, IQuerySource source)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        return new QueryPlan(QuerySpec.From(query), source).Run();
    }
}
