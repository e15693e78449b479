namespace VoiceForD365.LocalOrg.Samples;

/// <summary>One seeded record: its table, id, primary name and a one-line description of what was set.</summary>
public sealed record SeededRecord(string Table, Guid Id, string Name, string Details);
