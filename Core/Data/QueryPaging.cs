using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.Core.Data
{
    public static class QueryPaging
    {
        /// <summary>Every row of a query, page by page with the paging cookie (Dataverse returns at most 5,000 a page).</summary>
        public static IEnumerable<Entity> RetrieveAll(this IOrganizationService service, QueryExpression query, int pageSize = 5000)
        {
            query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                foreach (var row in page.Entities) yield return row;
                if (!page.MoreRecords) yield break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
