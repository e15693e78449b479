namespace VoiceForD365.Solution.Model;

public sealed record ManyToManyDefinition(string SchemaName, string IntersectEntity, string Entity1, string Entity1IntersectAttribute, string Entity2, string Entity2IntersectAttribute);
