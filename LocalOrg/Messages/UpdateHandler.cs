using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Update: writes the given columns of a row found by id or alternate key (if its row version matches, when asked).</summary>
internal sealed class UpdateHandler() : MessageHandler(MessageNames.Update)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<Entity>(request);
        if (context.Metadata.Table(target.LogicalName) is { IsVirtual: true } table) return VirtualTables.Change(table, MessageNames.Update, context);
        context.Records.Update(target, context.UserId, ConcurrencyOf(request));
        return new ParameterCollection();
    }

    public override OrganizationResponse CreateResponse() => new UpdateResponse();

    /// <summary>UpdateRequest's and DeleteRequest's ConcurrencyBehavior parameter (Default when absent).</summary>
    internal static ConcurrencyBehavior ConcurrencyOf(OrganizationRequest request) =>
        request.Parameters.TryGetValue(nameof(ConcurrencyBehavior), out var value) && value is ConcurrencyBehavior behavior ? behavior : ConcurrencyBehavior.Default;
}
