using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo;

/// <summary>
/// What the demo's sections share: the organization, where they write, the Enreach emulator once started and the
/// sample data once seeded. Disposing it stops the emulator.
/// </summary>
public sealed class DemoContext(LocalOrganization organization, TextWriter output, bool verbose = false) : IDisposable
{
    private SampleData? _sample;
    private EnreachEmulator? _enreach;

    public LocalOrganization Organization { get; } = organization;

    /// <summary>Whether --verbose was given: <see cref="Detail"/> is written, <see cref="Brief"/> is not.</summary>
    public bool Verbose { get; } = verbose;

    /// <summary>What a person reads, with or without --verbose.</summary>
    public TextWriter Output => Muted ? TextWriter.Null : output;

    /// <summary>Only with --verbose: request counts, plug-in traces, every table.</summary>
    public TextWriter Detail => Muted || !Verbose ? TextWriter.Null : output;

    /// <summary>Only without --verbose: the short form of what <see cref="Detail"/> shows in full.</summary>
    public TextWriter Brief => Muted || Verbose ? TextWriter.Null : output;

    /// <summary>Set by the runner while a section runs only as another's prerequisite: it writes nothing.</summary>
    internal bool Muted { get; set; }

    /// <summary>What the running section did, in one line, for the demo's summary.</summary>
    internal string? Outcome { get; private set; }

    /// <summary>Tells the summary what the section did, in one line ("3 ids set, 1 cleared").</summary>
    public void Conclude(string outcome) => Outcome = outcome;

    internal void StartSection() => Outcome = null;

    /// <summary>The seeded sample data; a section that needs it requires <see cref="Scenarios.SampleDataScenario"/>.</summary>
    public SampleData Sample
    {
        get => _sample ?? throw new InvalidOperationException("The sample data is not seeded yet: require the sample data section in this one.");
        set => _sample = value;
    }

    public bool HasSample => _sample != null;

    /// <summary>
    /// The Enreach emulator the organization's environment variables point at; a section that needs it requires
    /// <see cref="Scenarios.EnreachEmulatorScenario"/>. The context owns it: it is disposed with the context.
    /// </summary>
    public EnreachEmulator Enreach
    {
        get => _enreach ?? throw new InvalidOperationException("The Enreach emulator is not started yet: require the Enreach emulator section in this one.");
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
