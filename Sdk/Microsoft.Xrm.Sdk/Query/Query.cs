using System.Collections;

namespace Microsoft.Xrm.Sdk.Query
{
    // Numeric values are those of the real SDK: they are compiled into callers.
    public enum ConditionOperator
    {
        Equal = 0,
        NotEqual = 1,
        GreaterThan = 2,
        LessThan = 3,
        GreaterEqual = 4,
        LessEqual = 5,
        Like = 6,
        NotLike = 7,
        In = 8,
        NotIn = 9,
        Between = 10,
        NotBetween = 11,
        Null = 12,
        NotNull = 13,
        Yesterday = 14,
        Today = 15,
        Tomorrow = 16,
        LastXHours = 31,
        NextXHours = 32,
        LastXDays = 33,
        NextXDays = 34,
        On = 25,
        OnOrBefore = 26,
        OnOrAfter = 27,
        BeginsWith = 54,
        DoesNotBeginWith = 55,
        EndsWith = 56,
        DoesNotEndWith = 57,
        OlderThanXMinutes = 86,
        OlderThanXHours = 85,
        OlderThanXDays = 84,
    }

    public enum LogicalOperator
    {
        And = 0,
        Or = 1,
    }

    public enum JoinOperator
    {
        Inner = 0,
        LeftOuter = 1,
    }

    public enum OrderType
    {
        Ascending = 0,
        Descending = 1,
    }

    public abstract class QueryBase
    {
    }

    /// <summary>A query in FetchXML.</summary>
    public sealed class FetchExpression : QueryBase
    {
        public FetchExpression() { }

        public FetchExpression(string query) => Query = query;

        public string Query { get; set; } = null!;
    }

    public sealed class ColumnSet
    {
        private DataCollection<string> _columns = new DataCollection<string>();

        public ColumnSet() { }

        public ColumnSet(bool allColumns) => AllColumns = allColumns;

        public ColumnSet(params string[] columns) => _columns.AddRange(columns);

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns
        {
            get => _columns;
            set => _columns = value ?? new DataCollection<string>();
        }

        public void AddColumn(string column) => Columns.Add(column);

        public void AddColumns(params string[] columns) => Columns.AddRange(columns);
    }

    public sealed class ConditionExpression
    {
        private readonly DataCollection<object> _values = new DataCollection<object>();

        public ConditionExpression() { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, new object[0]) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, values) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(attributeName, conditionOperator)
        {
            foreach (var value in values) _values.Add(value);
        }

        public ConditionExpression(string? entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, new object[0]) { }

        public ConditionExpression(string? entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, new[] { value }) { }

        public ConditionExpression(string? entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            if (values != null) _values.AddRange(values);
        }

        public string? EntityName { get; set; }

        public string AttributeName { get; set; } = null!;

        public ConditionOperator Operator { get; set; }

        public DataCollection<object> Values => _values;
    }

    public sealed class FilterExpression
    {
        private readonly DataCollection<ConditionExpression> _conditions = new DataCollection<ConditionExpression>();
        private readonly DataCollection<FilterExpression> _filters = new DataCollection<FilterExpression>();

        public FilterExpression() { }

        public FilterExpression(LogicalOperator filterOperator) => FilterOperator = filterOperator;

        public LogicalOperator FilterOperator { get; set; }

        public DataCollection<ConditionExpression> Conditions => _conditions;

        public DataCollection<FilterExpression> Filters => _filters;

        public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

        public void AddFilter(FilterExpression childFilter) => Filters.Add(childFilter);

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }
    }

    public sealed class OrderExpression
    {
        public OrderExpression() { }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            AttributeName = attributeName;
            OrderType = orderType;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias) : this(attributeName, orderType) => Alias = alias;

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName) : this(attributeName, orderType, alias) =>
            EntityName = entityName;

        public string AttributeName { get; set; } = null!;

        public OrderType OrderType { get; set; }

        public string? Alias { get; set; }

        public string? EntityName { get; set; }
    }

    public sealed class PagingInfo
    {
        public int Count { get; set; }

        public int PageNumber { get; set; }

        public string? PagingCookie { get; set; }

        public bool ReturnTotalRecordCount { get; set; }
    }

    public sealed class LinkEntity
    {
        private ColumnSet _columns = new ColumnSet();
        private FilterExpression _linkCriteria = new FilterExpression();
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

        public LinkEntity() { }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        public string LinkFromEntityName { get; set; } = null!;

        public string LinkToEntityName { get; set; } = null!;

        public string LinkFromAttributeName { get; set; } = null!;

        public string LinkToAttributeName { get; set; } = null!;

        public JoinOperator JoinOperator { get; set; }

        public string? EntityAlias { get; set; }

        public ColumnSet Columns
        {
            get => _columns;
            set => _columns = value ?? new ColumnSet();
        }

        public FilterExpression LinkCriteria
        {
            get => _linkCriteria;
            set => _linkCriteria = value ?? new FilterExpression();
        }

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public DataCollection<OrderExpression> Orders => _orders;

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    public sealed class QueryExpression : QueryBase
    {
        private ColumnSet _columnSet = new ColumnSet();
        private FilterExpression _criteria = new FilterExpression();
        private PagingInfo _pageInfo = new PagingInfo();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();
        private readonly DataCollection<LinkEntity> _linkEntities = new DataCollection<LinkEntity>();

        public QueryExpression() { }

        public QueryExpression(string entityName) => EntityName = entityName;

        public string EntityName { get; set; } = null!;

        public ColumnSet ColumnSet
        {
            get => _columnSet;
            set => _columnSet = value ?? new ColumnSet();
        }

        public FilterExpression Criteria
        {
            get => _criteria;
            set => _criteria = value ?? new FilterExpression();
        }

        public PagingInfo PageInfo
        {
            get => _pageInfo;
            set => _pageInfo = value ?? new PagingInfo();
        }

        public DataCollection<OrderExpression> Orders => _orders;

        public DataCollection<LinkEntity> LinkEntities => _linkEntities;

        public int? TopCount { get; set; }

        public bool Distinct { get; set; }

        public bool NoLock { get; set; }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    public sealed class QueryByAttribute : QueryBase
    {
        private ColumnSet _columnSet = new ColumnSet();
        private PagingInfo _pageInfo = new PagingInfo();
        private readonly DataCollection<string> _attributes = new DataCollection<string>();
        private readonly DataCollection<object> _values = new DataCollection<object>();
        private readonly DataCollection<OrderExpression> _orders = new DataCollection<OrderExpression>();

        public QueryByAttribute() { }

        public QueryByAttribute(string entityName) => EntityName = entityName;

        public string EntityName { get; set; } = null!;

        public ColumnSet ColumnSet
        {
            get => _columnSet;
            set => _columnSet = value ?? new ColumnSet();
        }

        public DataCollection<string> Attributes => _attributes;

        public DataCollection<object> Values => _values;

        public DataCollection<OrderExpression> Orders => _orders;

        public PagingInfo PageInfo
        {
            get => _pageInfo;
            set => _pageInfo = value ?? new PagingInfo();
        }

        public int? TopCount { get; set; }

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));
    }
}
