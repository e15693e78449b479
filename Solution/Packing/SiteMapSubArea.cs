namespace VoiceForD365.Solution.Packing;

/// <summary>A site map entry: an area's group's subarea showing a table.</summary>
public sealed record SiteMapSubArea(string Id, string Title, string Table);
