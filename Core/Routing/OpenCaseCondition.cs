using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>A routing rule's open-case condition: the caller is the customer of an active case of this priority.</summary>
    public enum OpenCaseCondition
    {
        AnyPriority = RoutingOpenCasePriority.Any,
        High = RoutingOpenCasePriority.High,
        Normal = RoutingOpenCasePriority.Normal,
        Low = RoutingOpenCasePriority.Low,
    }
}
