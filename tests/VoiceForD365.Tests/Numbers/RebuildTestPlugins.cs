using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Tests.Numbers;

// Plug-ins that exist only to make the rebuild's updates fail or race, deterministically.

/// <summary>Refuses every update of the contact named "Locked" (a business rule of the customer's own).</summary>
[PluginStep(MessageNames.Update, Contact.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous, PreImageName = "pre", PreImageAttributes = Contact.FullName)]
public sealed class RefuseLockedContactPlugin : IPlugin
{
    public const string LockedName = "Locked";

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.PreEntityImages["pre"].GetAttributeValue<string>(Contact.FullName) == LockedName)
            throw new InvalidPluginExecutionException("This contact is locked: test rule.");
    }
}

/// <summary>When the contact named "Toucher" is updated, changes the contact named "Touched" (as a user saving it meanwhile would).</summary>
[PluginStep(MessageNames.Update, Contact.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous, PreImageName = "pre", PreImageAttributes = Contact.FullName)]
public sealed class TouchOtherContactPlugin : IPlugin
{
    public const string ToucherName = "Toucher";
    public const string TouchedName = "Touched";

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
        if (context.PreEntityImages["pre"].GetAttributeValue<string>(Contact.FullName) != ToucherName) return;
        var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(context.UserId);
        var query = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(Contact.FullName, ConditionOperator.Equal, TouchedName);
        var touched = service.RetrieveMultiple(query).Entities.Single();
        service.Update(new Entity(Contact.EntityName, touched.Id) { [Contact.FirstName] = "Changed meanwhile" });
    }
}
