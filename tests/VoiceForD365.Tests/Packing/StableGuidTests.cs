using VoiceForD365.Solution.Packing;
using Xunit;

namespace VoiceForD365.Tests.Packing;

public sealed class StableGuidTests
{
    [Fact]
    public void NameBasedGuid_Should_MatchTheRfc4122Version5Algorithm()
    {
        // uuid5(NAMESPACE_DNS, "python.org"), the example of Python's uuid module documentation.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), StableGuid.Create(dns, "python.org"));
    }

    [Fact]
    public void ComponentIds_Should_DependOnKindAndNameOnly()
    {
        Assert.Equal(StableGuid.For("role", "Voice User"), StableGuid.For("role", "Voice User"));
        Assert.NotEqual(StableGuid.For("role", "Voice User"), StableGuid.For("role", "Voice Admin User"));
        Assert.NotEqual(StableGuid.For("role", "Voice User"), StableGuid.For("form", "Voice User"));
    }
}
