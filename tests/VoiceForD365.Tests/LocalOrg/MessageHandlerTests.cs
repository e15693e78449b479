using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Messages;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

/// <summary>A message of the test's own: greets a name and records the greeted person as a contact.</summary>
public sealed class GreetingHandler() : MessageHandler(Message)
{
    public const string Message = "vfd_TestGreet";
    public const string Name = "Name";
    public const string Greeting = "Greeting";
    public const string ContactId = "ContactId";

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var name = Parameter<string>(request, Name);
        var contactId = context.Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = name });
        return Results((Greeting, $"Hello, {name}"), (ContactId, contactId));
    }
}

public class MessageHandlerTests
{
    private static LocalOrganization OrgWith(params Type[] plugins) =>
        new(new LocalOrganizationOptions { MessageHandlers = [new GreetingHandler()], PluginTypes = plugins });

    private static OrganizationRequest Greet(string name) => new(GreetingHandler.Message) { [GreetingHandler.Name] = name };

    [Fact]
    public void OwnHandlerAddedThroughTheOption_Should_AnswerExecuteWithItsStepsRunningAroundIt()
    {
        var org = OrgWith(typeof(GreetingPlugin));

        var response = org.Service.Execute(Greet("Ada"));

        Assert.Equal("Hello, ADA", response[GreetingHandler.Greeting]);
        Assert.Equal(GreetingHandler.Message, response.ResponseName);
        Assert.Equal([$"{GreetingHandler.Message} at depth 1: Hello, ADA"], org.Traces.Select(t => t.Text));
        var contact = org.Service.Retrieve(Contact.EntityName, (Guid)response[GreetingHandler.ContactId]!, new ColumnSet(Contact.LastName));
        Assert.Equal("ADA", contact.GetAttributeValue<string>(Contact.LastName));
        Assert.Equal((1, 1), (org.Requests.Of(GreetingHandler.Message), org.Requests.Of(MessageNames.Create)));
    }

    [Fact]
    public void OwnHandlerWhosePostOperationStepFails_Should_RollBackWhatTheHandlerWrote()
    {
        var org = OrgWith(typeof(GreetingRefusingPlugin));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(Greet("Ada")));

        Assert.Equal("No greetings today.", fault.Detail.Message);
        Assert.Empty(org.Service.RetrieveMultiple(new QueryExpression(Contact.EntityName)).Entities);
    }

    [Fact]
    public void OwnHandlerWithoutItsRequiredParameter_Should_BeRefusedAsInvalidArgument()
    {
        var org = OrgWith();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new OrganizationRequest(GreetingHandler.Message)));

        Assert.Equal(Faults.InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains($"'{GreetingHandler.Name}'", fault.Detail.Message);
    }

    [Fact]
    public void HandlerForAMessageTheOrganizationHandles_Should_BeRefusedNamingBoth()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new LocalOrganization(new LocalOrganizationOptions { MessageHandlers = [new GreetingHandler(), new GreetingHandler()] }));

        Assert.Contains(GreetingHandler.Message, error.Message);
        Assert.Contains(typeof(GreetingHandler).FullName!, error.Message);
    }
}
