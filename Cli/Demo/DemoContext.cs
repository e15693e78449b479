using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo;

/// <summary>
/// What the demo's steps share: the organization, the output, the Enreach emulator once started and the sample data
/// once seeded. Disposing it stops the emulator.
/// </summary>
public sealed class DemoContext(LocalOrganization organization, TextWriter output) : IDisposable
{
    private SampleData? _sample;
    private EnreachEmulator? _enreach;

    public LocalOrganization Organization { get; } = organization;

    public TextWriter Output { get; } = output;

    /// <summary>The seeded sample data; a step that needs it runs after <see cref="Scenarios.SampleDataScenario"/>.</summary>
    public SampleData Sample
    {
        get => _sample ?? throw new InvalidOperationException("The sample data is not seeded yet: run the sample data step before this one.");
        set => _sample = value;
    }

    public bool HasSample => _sample != null;

    /// <summary>
    /// The Enreach emulator the organization's environment variables point at; a step that needs it runs after
    /// <see cref="Scenarios.EnreachEmulatorScenario"/>. The context owns it: it is disposed with the context.
    /// </summary>
    public EnreachEmulator Enreach
    {
        get => _enreach ?? throw new InvalidOperationException("The Enreach emulator is not started yet: run the Enreach emulator step before this one.");
        set
        {
            if (_enreach != null && !ReferenceEquals(_enreach, value)) throw new InvalidOperationException("The demo already has an Enreach emulator.");
            _enreach = value;
        }
    }

    public bool HasEnreach => _enreach != null;

    public void Dispose()
    {
        _enreach?.Dispose();
        _enreach = null;
    }
}
