using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo;

/// <summary>What the demo's steps share: the organization, the output, and the sample data once it is seeded.</summary>
public sealed class DemoContext(LocalOrganization organization, TextWriter output)
{
    private SampleData? _sample;

    public LocalOrganization Organization { get; } = organization;

    public TextWriter Output { get; } = output;

    /// <summary>The seeded sample data; a step that needs it runs after <see cref="Scenarios.SampleDataScenario"/>.</summary>
    public SampleData Sample
    {
        get => _sample ?? throw new InvalidOperationException("The sample data is not seeded yet: run the sample data step before this one.");
        set => _sample = value;
    }

    public bool HasSample => _sample != null;
}
