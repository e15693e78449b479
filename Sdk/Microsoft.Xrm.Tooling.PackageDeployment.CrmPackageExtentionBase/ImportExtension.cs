using System.Diagnostics;
using Microsoft.Xrm.Tooling.Connector;

namespace Microsoft.Xrm.Tooling.PackageDeployment.CrmPackageExtentionBase
{
    /// <summary>
    /// What PackageDeployer.exe looks for (MEF: [Export(typeof(IImportExtensions))]). The real interface has many
    /// members; the package only names the type, and ImportExtension implements them, so none is declared here.
    /// </summary>
    public interface IImportExtensions
    {
    }

    /// <summary>Base class of a Package Deployer package. Only the members the package uses or must override.</summary>
    public abstract class ImportExtension : IImportExtensions
    {
        /// <summary>The package log (the Package Deployer log file).</summary>
        public TraceLogger PackageLog;

        protected ImportExtension() => throw null;

        /// <summary>Connection to the organization the package is imported into.</summary>
        public CrmServiceClient CrmSvc
        {
            get => throw null;
            set => throw null;
        }

        /// <summary>Folder (next to the package assembly) holding ImportConfig.xml and the files it names.</summary>
        public abstract string GetImportPackageDataFolderName { get; }

        /// <summary>Description on the package selection page.</summary>
        public abstract string GetImportPackageDescriptionText { get; }

        /// <summary>Name on the page after the package is selected.</summary>
        public abstract string GetLongNameOfImport { get; }

        /// <summary>Name on the package selection page.</summary>
        public abstract string GetNameOfImport(bool plural);

        /// <summary>Called when the package is initialized.</summary>
        public abstract void InitializeCustomExtension();

        /// <summary>Called before the solutions are imported.</summary>
        public abstract bool BeforeImportStage();

        /// <summary>Called after the solutions and the configuration data are imported.</summary>
        public abstract bool AfterPrimaryImport();

        /// <summary>Adds a line to the progress panel of the wizard.</summary>
        public void CreateProgressItem(string itemText) => throw null;

        /// <summary>Updates the line created by <see cref="CreateProgressItem"/>.</summary>
        public void RaiseUpdateEvent(string itemText, ProgressPanelItemStatus status) => throw null;
    }

    /// <summary>Status of a progress panel line (values as Microsoft documents them).</summary>
    public enum ProgressPanelItemStatus
    {
        Working = 0,
        Complete = 1,
        Failed = 2,
        Warning = 3,
        Unknown = 4,
    }

    /// <summary>The package log.</summary>
    public class TraceLogger
    {
        public TraceLogger(string traceSourceName) => throw null;

        public void Log(string message) => throw null;

        public void Log(string message, TraceEventType eventType) => throw null;
    }
}
