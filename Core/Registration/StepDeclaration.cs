using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// A plug-in step as the packer writes it into the solution and the local organization runs it: one model of a
    /// <see cref="PluginStepAttribute"/>, with its column lists split and its images described, so that Dataverse and
    /// the local organization show the same step.
    /// </summary>
    public sealed class StepDeclaration
    {
        /// <summary>Dataverse's primary entity of a step on a message without a table (Associate, custom APIs).</summary>
        public const string NoTable = "none";

        public StepDeclaration(string pluginTypeName, string message, string table, PipelineStage stage, ExecutionMode mode,
            IEnumerable<string>? filteringAttributes = null, IEnumerable<StepImage>? images = null, int order = 1, string description = "")
        {
            if (string.IsNullOrEmpty(pluginTypeName)) throw new ArgumentException("A step runs a plug-in type: give its full name.", nameof(pluginTypeName));
            if (string.IsNullOrEmpty(message)) throw new ArgumentException(pluginTypeName + " declares a step without a message.", nameof(message));
            PluginTypeName = pluginTypeName;
            Message = message;
            Table = table ?? "";
            Stage = stage;
            Mode = mode;
            FilteringAttributes = (filteringAttributes ?? Enumerable.Empty<string>()).ToList().AsReadOnly();
            Images = (images ?? Enumerable.Empty<StepImage>()).ToList().AsReadOnly();
            Order = order;
            Description = description ?? "";
            if (IsDataProviderOperation) RequireDataProviderShape();
        }

        /// <summary>The messages a virtual table's data provider may implement, one plug-in type each (Dataverse's entitydataprovider columns).</summary>
        public static IReadOnlyList<string> DataProviderMessages { get; } = new[]
        {
            MessageNames.Retrieve, MessageNames.RetrieveMultiple, MessageNames.Create, MessageNames.Update, MessageNames.Delete,
        };

        /// <summary>The step a <see cref="PluginStepAttribute"/> on the class <paramref name="pluginTypeName"/> declares.</summary>
        public static StepDeclaration Of(string pluginTypeName, PluginStepAttribute declaration)
        {
            if (declaration == null) throw new ArgumentNullException(nameof(declaration));
            var images = new List<StepImage>();
            if (declaration.PreImageName.Length > 0)
                images.Add(new StepImage(StepImageType.PreImage, declaration.PreImageName, Columns(declaration.PreImageAttributes), declaration.Message));
            if (declaration.PostImageName.Length > 0)
                images.Add(new StepImage(StepImageType.PostImage, declaration.PostImageName, Columns(declaration.PostImageAttributes), declaration.Message));
            return new StepDeclaration(pluginTypeName, declaration.Message, declaration.Table, declaration.Stage, declaration.Mode,
                Columns(declaration.FilteringAttributes), images, declaration.Order, declaration.Description);
        }

        /// <summary>Full name of the plug-in class the step runs.</summary>
        public string PluginTypeName { get; }

        public string Message { get; }

        /// <summary>Primary table logical name; empty for a step on any table (messages without one).</summary>
        public string Table { get; }

        public PipelineStage Stage { get; }

        public ExecutionMode Mode { get; }

        /// <summary>An Update step runs only when one of these columns is in the target; empty: on any change.</summary>
        public IReadOnlyList<string> FilteringAttributes { get; }

        public IReadOnlyList<StepImage> Images { get; }

        /// <summary>Execution order (rank) among steps of the same message, table and stage.</summary>
        public int Order { get; }

        public string Description { get; }

        /// <summary>
        /// A main-operation step on a table: the plug-in is the table's data provider for the message (a virtual table's
        /// Retrieve, RetrieveMultiple, …). Dataverse registers it on the table's entitydataprovider, not as a step, and
        /// runs it instead of the database operation.
        /// </summary>
        public bool IsDataProviderOperation => Stage == PipelineStage.MainOperation && Table.Length > 0;

        /// <summary>The table as Dataverse stores it on the step: <see cref="NoTable"/> for a step on any table.</summary>
        public string PrimaryEntity => Table.Length == 0 ? NoTable : Table;

        /// <summary>The step's name, as the Plug-in Registration Tool names steps: "Type: Message of table" ("of any Entity" without one).</summary>
        public string Name =>
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2}", PluginTypeName, Message, Table.Length == 0 ? "any Entity" : Table);

        /// <summary>The step's image of the given type, if it has one.</summary>
        public StepImage? Image(StepImageType type) => Images.FirstOrDefault(i => i.Type == type);

        /// <summary>A comma-separated column list (as attribute arguments carry it) as columns, without blanks.</summary>
        public static IReadOnlyList<string> Columns(string commaSeparated) =>
            (commaSeparated ?? "").Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Trim()).Where(c => c.Length > 0).ToList().AsReadOnly();

        public override string ToString() => Name;

        /// <summary>A data provider's plug-in replaces the operation: synchronous, one of its messages, nothing to filter or image.</summary>
        private void RequireDataProviderShape()
        {
            var problem = Mode != ExecutionMode.Synchronous ? "runs asynchronously"
                : !DataProviderMessages.Contains(Message) ? "is on " + Message + ", which a data provider does not implement (" + string.Join(", ", DataProviderMessages) + ")"
                : FilteringAttributes.Count > 0 ? "has filtering attributes"
                : Images.Count > 0 ? "has images"
                : null;
            if (problem != null)
                throw new ArgumentException(Name + " is a main-operation step, the data provider of the virtual table " + Table + ", but " + problem +
                    ": a data provider's plug-in answers the message itself, synchronously, with no filtering attributes or images.");
        }
    }
}
