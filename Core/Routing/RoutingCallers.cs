using System;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Matching;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// Who a caller is, found as the phone call sync finds callers (<see cref="CallerMatcher"/>: the number keys,
    /// NumbersToCut, contacts before accounts before leads, oldest first): one record is the caller; of several,
    /// the first when MultipleMatchesPickFirst is on, else none of them.
    /// </summary>
    public static class RoutingCallers
    {
        public static CallerIdentity Identify(IOrganizationService service, string number, RoutingSettings settings)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (number == null) throw new ArgumentNullException(nameof(number));
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var matches = new CallerMatcher(service).Match(new[] { number }, settings.Matching).For(number);
            switch (matches.Count)
            {
                case CallerMatchCount.None:
                    return new CallerIdentity(number, CallerStatus.Unknown, null, 0);
                case CallerMatchCount.One:
                    return new CallerIdentity(number, CallerStatus.Known, matches.Single!.ToEntityReference(), 1);
                default:
                    return settings.MultipleMatchesPickFirst
                        ? new CallerIdentity(number, CallerStatus.Known, matches.First!.ToEntityReference(), matches.Matches.Count)
                        : new CallerIdentity(number, CallerStatus.Several, null, matches.Matches.Count);
            }
        }
    }
}
