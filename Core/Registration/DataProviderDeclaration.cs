using System;
using System.Collections.Generic;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// The data provider of one virtual table as the packer writes it into the solution (an entitydataprovider with a
    /// plug-in type per message) and the local organization runs it: the main-operation steps declared on the table,
    /// gathered from <see cref="StepDeclaration"/>s (<see cref="StepDeclaration.IsDataProviderOperation"/>). A message
    /// without a plug-in is one the provider does not implement; Dataverse refuses it.
    /// </summary>
    public sealed class DataProviderDeclaration
    {
        private readonly Dictionary<string, StepDeclaration> _operations;

        private DataProviderDeclaration(string table, Dictionary<string, StepDeclaration> operations)
        {
            Table = table;
            _operations = operations;
        }

        /// <summary>The virtual table the provider answers for.</summary>
        public string Table { get; }

        /// <summary>The provider's operations, in <see cref="StepDeclaration.DataProviderMessages"/> order.</summary>
        public IReadOnlyList<StepDeclaration> Operations =>
            StepDeclaration.DataProviderMessages.Where(_operations.ContainsKey).Select(m => _operations[m]).ToList().AsReadOnly();

        /// <summary>The operation of <paramref name="message"/>, if the provider implements it.</summary>
        public StepDeclaration? Operation(string message) => _operations.TryGetValue(message ?? "", out var operation) ? operation : null;

        /// <summary>
        /// The data providers the steps declare, one per table with main-operation steps, in table order. Each must
        /// answer Retrieve and RetrieveMultiple (a table's form and views need both) and have one plug-in per message.
        /// </summary>
        /// <exception cref="ArgumentException">Two plug-ins for one message of a table, or a provider without Retrieve or RetrieveMultiple.</exception>
        public static IReadOnlyList<DataProviderDeclaration> All(IEnumerable<StepDeclaration> steps)
        {
            if (steps == null) throw new ArgumentNullException(nameof(steps));
            var providers = new List<DataProviderDeclaration>();
            foreach (var table in steps.Where(s => s.IsDataProviderOperation).GroupBy(s => s.Table, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var operations = new Dictionary<string, StepDeclaration>(StringComparer.Ordinal);
                foreach (var step in table)
                {
                    if (operations.TryGetValue(step.Message, out var other))
                        throw new ArgumentException(step.PluginTypeName + " and " + other.PluginTypeName + " both declare the " + step.Message + " of the virtual table " + table.Key +
                            "'s data provider: a data provider has one plug-in per message.", nameof(steps));
                    operations[step.Message] = step;
                }
                var missing = new[] { MessageNames.Retrieve, MessageNames.RetrieveMultiple }.Where(m => !operations.ContainsKey(m)).ToList();
                if (missing.Count > 0)
                    throw new ArgumentException("The data provider of the virtual table " + table.Key + " has no plug-in for " + string.Join(" and ", missing) +
                        ": declare a main-operation [PluginStep] for it, as its form and views need both Retrieve and RetrieveMultiple.", nameof(steps));
                providers.Add(new DataProviderDeclaration(table.Key, operations));
            }
            return providers.AsReadOnly();
        }

        public override string ToString() => "Data provider of " + Table + ": " + string.Join(", ", Operations.Select(o => o.Message + " " + o.PluginTypeName));
    }
}
