using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Query;

// Paging: TopCount, page number or paging cookie, MoreRecords and TotalRecordCount.
internal sealed partial class QueryPlan
{
    private EntityCollection Page(List<Entity?[]> rows, Guid[] ids, int[] order)
    {
        var result = new EntityCollection { EntityName = _slots[0].TableName, TotalRecordCount = -1 };
        if (_returnTotalRecordCount)
        {
            result.TotalRecordCount = Math.Min(order.Length, QueryEngine.MaxTotalRecordCount);
            result.TotalRecordCountLimitExceeded = order.Length > QueryEngine.MaxTotalRecordCount;
        }

        if (_top is { } top)
        {
            for (var i = 0; i < Math.Min(top, order.Length); i++) result.Entities.Add(Project(rows[order[i]]));
            return result;
        }

        var start = (long)(_pageNumber - 1) * _pageSize;
        if (!_spec.Distinct && _cookie is { Last: { } last } cookie && cookie.Page == _pageNumber - 1)
            start = SeekAfter(ids, order, last, start - 1) ?? start;
        var end = Math.Min(start + _pageSize, order.Length);
        for (var i = start; i < end; i++) result.Entities.Add(Project(rows[order[i]]));
        result.MoreRecords = end < order.Length;
        result.PagingCookie = start < end
            ? PagingCookie.Format(_pageNumber, _slots[0].PrimaryIdColumn, ids[order[start]], ids[order[end - 1]])
            : PagingCookie.Format(_pageNumber);
        return result;
    }

    /// <summary>
    /// Where the page after a cookie's last row starts: right after that row (the occurrence nearest to where the
    /// previous page ended, when links repeat it), or, when it's gone and the result is ordered by id only, at the
    /// first larger id. Null: fall back to the page number.
    /// </summary>
    private long? SeekAfter(Guid[] ids, int[] order, Guid last, long expected)
    {
        if (expected >= 0 && expected < order.Length && ids[order[expected]] == last) return expected + 1;
        long best = -1;
        var bestDistance = long.MaxValue;
        for (var i = 0; i < order.Length; i++)
        {
            if (ids[order[i]] != last) continue;
            var distance = Math.Abs(i - expected);
            if (distance <= bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        if (best >= 0) return best + 1;
        if (_orders.Count > 0) return null;
        int low = 0, high = order.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ids[order[middle]].CompareTo(last) > 0) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}
