using VoiceForD365.Core.Registration;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>
/// A virtual table's data provider as the local organization runs it: Core's <see cref="DataProviderDeclaration"/> of
/// the main-operation [PluginStep]s on the table (the model the packer writes the solution's entitydataprovider from),
/// with the plug-in of each operation.
/// </summary>
public sealed class DataProviderRegistration
{
    private readonly IReadOnlyDictionary<string, StepRegistration> _operations;

    public DataProviderRegistration(DataProviderDeclaration declaration, IEnumerable<StepRegistration> operations)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Declaration = declaration;
        _operations = operations.ToDictionary(o => o.Declaration.Message, StringComparer.OrdinalIgnoreCase);
    }

    public DataProviderDeclaration Declaration { get; }

    /// <summary>The virtual table it answers for.</summary>
    public string Table => Declaration.Table;

    /// <summary>The plug-in that answers <paramref name="message"/>; null when the provider does not implement it.</summary>
    public StepRegistration? Operation(string message) => _operations.GetValueOrDefault(message);
}
