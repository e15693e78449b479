using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Errors;
using VoiceForD365.Core.Settings;
using VoiceForD365.Core.Users;
using VoiceForD365.Emulator;
using VoiceForD365.Plugins;
using VoiceForD365.Tests.Enreach;
using VoiceForD365.Workflows;
using Xunit;

namespace VoiceForD365.Tests.Errors;

/// <summary>
/// The product's exceptions cross the sandbox boundary (as the inner exception of an InvalidPluginExecutionException):
/// each serializes with its message and properties. DataContractSerializer stands in for the boundary's serializer:
/// like the .NET Framework's formatters it goes through ISerializable and the serialization constructor.
/// </summary>
public class ExceptionSerializationTests
{
    /// <summary>One of each product exception type.</summary>
    private static readonly Exception[] OfEachType =
    [
        new CallbackConfigurationException("Callback profile 'Sales' has no queue."),
        new CallbackListNotFoundException("Enreach has no callback list with the id 3f2504e0-4f89-41d3-9a0c-0305e82c3301."),
        new UnsupportedQueryException("The Callback List table can't be joined with account."),
        new EnreachException("Enreach answered 400 Bad Request."),
        new EnreachConfigurationException("Set vfd_EnreachApiUserName."),
        new EnreachCredentialsException("Enreach refused the API user's credentials."),
        new EnreachNotFoundException("Enreach knows no endpoint for the API user."),
        new EnreachRateLimitedException("Enreach kept answering 429."),
        new EnreachUnavailableException(EnreachErrorKind.Timeout, "Enreach did not answer within 20 s."),
        new EnreachMalformedResponseException("The users list is not JSON."),
        new EnreachUserIdClearingRefusedException("Enreach answered an empty users list; nothing was written."),
        new InvalidSettingException("The Voice for D365 setting NumbersToCut must be a whole number from 0 to 16, but its Value is 'four'."),
        Internal("VoiceForD365.Core.PhoneCalls.SyncStateException", new OrganizationServiceFault { Message = "The user lacks the privilege prvWritevfd_syncstate." }),
        Internal("VoiceForD365.Core.PhoneCalls.SyncStoppedException", "Stopped between two batches: another worker took the lease."),
    ];

    /// <summary>One of Core's internal exceptions (they end a run, their message in its summary), made as Core makes it.</summary>
    private static Exception Internal(string typeName, params object[] arguments) =>
        (Exception)Activator.CreateInstance(typeof(ActionableException).Assembly.GetType(typeName, throwOnError: true)!,
            BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, arguments, null)!;

    public static TheoryData<Exception> Exceptions() => new(OfEachType);

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void ProductException_Should_KeepItsTypeMessageAndPropertiesThroughSerialization(Exception exception)
    {
        var copy = RoundTrip(exception);

        Assert.IsType(exception.GetType(), copy);
        Assert.Equal(exception.Message, copy.Message);
        Assert.Equal(Properties(exception), Properties(copy));
    }

    [Fact]
    public async Task EnreachErrorFromTheClient_Should_KeepEveryPropertyThroughSerialization()
    {
        await using var rig = await EnreachRig.StartAsync();
        rig.Emulator.Faults.TooManyRequests(times: null, retryAfter: TimeSpan.FromSeconds(120));
        var exception = Assert.Throws<EnreachRateLimitedException>(() => rig.Client().GetUsers());

        var copy = Assert.IsType<EnreachRateLimitedException>(RoundTrip(exception));

        Assert.Equal(exception.Message, copy.Message);
        Assert.Equal((EnreachErrorKind.RateLimited, 429, TimeSpan.FromSeconds(120), 1), (copy.Kind, copy.StatusCode, copy.RetryAfter, copy.Attempts));
        Assert.Equal((exception.Request, exception.Elapsed), (copy.Request, copy.Elapsed));
        Assert.StartsWith("GET ", copy.Request);
    }

    [Fact]
    public void EveryProductExceptionType_Should_BeSerializableWithTheSerializationConstructorAndTested()
    {
        var types = new[] { typeof(ActionableException).Assembly, typeof(PluginBase).Assembly, typeof(WorkflowActivityBase).Assembly }
            .SelectMany(a => a.GetTypes()).Where(t => typeof(Exception).IsAssignableFrom(t)).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t =>
        {
            Assert.True(t.IsDefined(typeof(SerializableAttribute), inherit: false), $"{t.FullName} is not [Serializable].");
            Assert.NotNull(t.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, [typeof(SerializationInfo), typeof(StreamingContext)]));
            Assert.True(t.IsAbstract || OfEachType.Any(e => e.GetType() == t), $"{t.FullName} has no case in {nameof(Exceptions)}.");
        });
    }

    private static Exception RoundTrip(Exception exception)
    {
        // Exception.Data travels as the runtime's own dictionary type, which the serializer must be told of.
        var serializer = new DataContractSerializer(typeof(Exception), [exception.GetType(), exception.Data.GetType()]);
        using var stream = new MemoryStream();
        serializer.WriteObject(stream, exception);
        stream.Position = 0;
        return (Exception)serializer.ReadObject(stream)!;
    }

    /// <summary>The public properties a type adds to Exception's, by name.</summary>
    private static IReadOnlyList<(string, object?)> Properties(Exception exception) =>
        exception.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.DeclaringType != typeof(Exception))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => (p.Name, p.GetValue(exception)))
            .ToList();
}
