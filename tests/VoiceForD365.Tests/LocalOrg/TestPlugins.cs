using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Tests.LocalOrg;

// Plug-ins that exist only to observe and exercise the local organization's pipeline. They report through the
// tracing service, like real plug-ins, and keep no state.

internal static class Ctx
{
    public static (IPluginExecutionContext Context, ITracingService Trace, IOrganizationServiceFactory Factory) Of(IServiceProvider provider) =>
        ((IPluginExecutionContext)provider.GetService(typeof(IPluginExecutionContext))!,
         (ITracingService)provider.GetService(typeof(ITracingService))!,
         (IOrganizationServiceFactory)provider.GetService(typeof(IOrganizationServiceFactory))!);
}

[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous)]
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous)]
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PreValidation, ExecutionMode.Synchronous)]
public sealed class StageRecorderPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, _) = Ctx.Of(serviceProvider);
        trace.Trace("stage {0} mode {1} transaction {2}", context.Stage, context.Mode, context.IsInTransaction);
    }
}

[PluginStep(MessageNames.Update, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous, FilteringAttributes = Account.Telephone1 + "," + Account.AccountNumber)]
public sealed class PhoneFilteredPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => Ctx.Of(serviceProvider).Trace.Trace("phone changed");
}

[PluginStep(MessageNames.Update, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous,
    PreImageName = "pre", PreImageAttributes = Account.Name, PostImageName = "post")]
public sealed class ImageRecorderPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, _) = Ctx.Of(serviceProvider);
        var pre = context.PreEntityImages["pre"];
        var post = context.PostEntityImages["post"];
        trace.Trace("pre name={0} pre has phone={1} post name={2} post phone={3}",
            pre.GetAttributeValue<string>(Account.Name), pre.Contains(Account.Telephone1), post.GetAttributeValue<string>(Account.Name), post.GetAttributeValue<string>(Account.Telephone1));
    }
}

/// <summary>Creates a contact, then fails: the contact and the account must both be rolled back.</summary>
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class FailingAfterWritePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, _, factory) = Ctx.Of(serviceProvider);
        factory.CreateOrganizationService(context.UserId).Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Written by the failing plug-in" });
        throw new InvalidPluginExecutionException("The account can't be saved: test rule.");
    }
}

[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous)]
public sealed class FailingAsyncPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("Enreach is unreachable: test outage.");
}

[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous)]
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class SharedVariablePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, _) = Ctx.Of(serviceProvider);
        if (context.Stage == (int)PipelineStage.PreOperation)
        {
            context.SharedVariables["marker"] = "set in pre-operation";
            ((Entity)context.InputParameters["Target"]!)[Account.AccountNumber] = "PRE-OP";
        }
        else
        {
            trace.Trace("shared={0}", context.SharedVariables.TryGetValue("marker", out var value) && value != null ? value : "(none)");
        }
    }
}

/// <summary>Updates the account it was triggered by, which triggers it again: Dataverse stops the loop at depth 8.</summary>
[PluginStep(MessageNames.Update, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class RecursivePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, factory) = Ctx.Of(serviceProvider);
        trace.Trace("depth {0}", context.Depth);
        factory.CreateOrganizationService(null).Update(new Entity(Account.EntityName, context.PrimaryEntityId) { [Account.Telephone1] = "depth " + context.Depth });
    }
}

/// <summary>Reports who it runs as and creates a contact as SYSTEM.</summary>
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class UserReportingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, factory) = Ctx.Of(serviceProvider);
        trace.Trace("user {0} initiating {1}", context.UserId, context.InitiatingUserId);
        var system = factory.CreateOrganizationService(null);
        var contactId = system.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "By SYSTEM" });
        var whoAmI = system.Execute(new OrganizationRequest(MessageNames.WhoAmI));
        trace.Trace("contact {0} system {1}", contactId, whoAmI["UserId"]!);
    }
}

/// <summary>Counts one retrieve per account created: lets a test check the request counter.</summary>
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class RetrievingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, _, factory) = Ctx.Of(serviceProvider);
        factory.CreateOrganizationService(context.UserId).Retrieve(Account.EntityName, context.PrimaryEntityId, new ColumnSet(Account.Name));
    }
}

[CustomApi("vfd_TestEcho")]
[CustomApiRequestParameter("Text", CustomApiFieldType.String)]
[CustomApiRequestParameter("Times", CustomApiFieldType.Integer, IsOptional = true)]
[CustomApiResponseProperty("Echo", CustomApiFieldType.String)]
public sealed class EchoCustomApi : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, _, _) = Ctx.Of(serviceProvider);
        var times = context.InputParameters.TryGetValue<int>("Times", out var n) ? n : 1;
        context.OutputParameters["Echo"] = string.Concat(Enumerable.Repeat((string)context.InputParameters["Text"]!, times));
    }
}

/// <summary>Traces many lines synchronously and runs a background job per account: a busy trace log and job list.</summary>
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous)]
public sealed class ChattyPlugin : IPlugin
{
    public const int LinesPerStep = 20;

    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, _) = Ctx.Of(serviceProvider);
        for (var i = 0; i < LinesPerStep; i++) trace.Trace("mode {0} line {1}", context.Mode, i);
    }
}

/// <summary>Steps on <see cref="GreetingHandler"/>'s own message: pre-operation changes the input, post-operation traces the result.</summary>
[PluginStep(GreetingHandler.Message, "", PipelineStage.PreOperation, ExecutionMode.Synchronous)]
[PluginStep(GreetingHandler.Message, "", PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class GreetingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var (context, trace, _) = Ctx.Of(serviceProvider);
        if (context.Stage == (int)PipelineStage.PreOperation)
            context.InputParameters[GreetingHandler.Name] = ((string)context.InputParameters[GreetingHandler.Name]!).ToUpperInvariant();
        else
            trace.Trace("{0} at depth {1}: {2}", context.MessageName, context.Depth, context.OutputParameters[GreetingHandler.Greeting]!);
    }
}

/// <summary>Refuses every greeting after the handler has run: what the handler wrote must be rolled back.</summary>
[PluginStep(GreetingHandler.Message, "", PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class GreetingRefusingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("No greetings today.");
}
