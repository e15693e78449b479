using System;
using System.ComponentModel.Composition;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Tooling.PackageDeployment.CrmPackageExtentionBase;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.PackageDeployer
{
    /// <summary>
    /// The Voice for Dynamics 365 package for PackageDeployer.exe: imports the managed solution and the configuration
    /// data of PkgAssets/ImportConfig.xml, keeps the administrator's setting values across an upgrade (the data import
    /// resets existing settings to their defaults), gives callback profiles of the first version their Callback List
    /// lookup, and says after the import when DefaultCrmAssignee still needs a value.
    /// Nothing here fails the import: the solution and data are in place whatever these steps find.
    /// </summary>
    [Export(typeof(IImportExtensions))]
    public sealed class VoiceForD365Package : ImportExtension
    {
        /// <summary>The folder next to this assembly that holds ImportConfig.xml, the managed solution and the data.</summary>
        public const string AssetsFolder = "PkgAssets";

        private const string SolutionTable = "solution";
        private const string SolutionUniqueNameColumn = "uniquename";
        private const string SolutionVersionColumn = "version";

        // One import per instance: what BeforeImportStage read, for AfterPrimaryImport.
        private SettingValuesSnapshot _settingsBeforeImport = SettingValuesSnapshot.Empty();

        public override string GetImportPackageDataFolderName => AssetsFolder;

        public override string GetNameOfImport(bool plural) => "Voice for Dynamics 365";

        public override string GetLongNameOfImport => "Voice for Dynamics 365 by Enreach";

        public override string GetImportPackageDescriptionText =>
            "Connects Enreach Voice to Dynamics 365: the Voice for D365 managed solution (settings, callback profiles, " +
            "Enreach user ids, phone call columns and forms, the Voice for D365 Configurator app, security roles) and its " +
            "configuration data (settings with their defaults, CIF 1.0 and CIF 2.0 channel providers, session and " +
            "notification templates). An upgrade keeps the values of existing settings.";

        public override void InitializeCustomExtension() =>
            Log("Voice for D365 package " + typeof(VoiceForD365Package).Assembly.GetName().Version + " initialized.");

        /// <summary>Before the solution and data import: remember the setting values of an installed version.</summary>
        public override bool BeforeImportStage()
        {
            try
            {
                var installed = InstalledVersion();
                if (installed == null)
                {
                    Log("Voice for D365 is not installed yet: the settings get their default values.");
                    return true;
                }
                _settingsBeforeImport = SettingValuesSnapshot.Take(CrmSvc);
                Log(string.Format(CultureInfo.InvariantCulture,
                    "Voice for D365 {0} is installed: the values of its {1} settings are kept across the upgrade. Before the import:", installed, _settingsBeforeImport.Count));
                foreach (var line in _settingsBeforeImport.Describe()) Log("  " + line);
            }
            catch (Exception e)
            {
                Warn("Voice for D365 could not read the current setting values (" + e.Message + "); the configuration data import will reset existing settings to their defaults, so check them after the import.");
            }
            return true;
        }

        /// <summary>After the solution and data import: put the remembered setting values back, fill the profiles' Callback List lookups, then check DefaultCrmAssignee.</summary>
        public override bool AfterPrimaryImport()
        {
            RestoreSettingValues();
            FillCallbackListLookups();
            CheckDefaultCrmAssignee();
            return true;
        }

        private void RestoreSettingValues()
        {
            if (_settingsBeforeImport.Count == 0) return;
            try
            {
                var report = _settingsBeforeImport.Restore(CrmSvc);
                Log(string.Format(CultureInfo.InvariantCulture,
                    "Voice for D365 settings after the upgrade: {0} restored to their value from before the import, {1} unchanged, {2} could not be restored.",
                    report.Restored.Count, report.Unchanged.Count, report.Failed.Count));
                foreach (var failure in report.Failed) Warn("Voice for D365 setting " + failure);
            }
            catch (Exception e)
            {
                Warn("Voice for D365 could not restore the setting values from before the upgrade (" + e.Message + "). Check the settings in the Voice for D365 Configurator app.");
            }
        }

        /// <summary>Profiles that hold their list only as the text id (the first version's) get the lookup to it.</summary>
        private void FillCallbackListLookups()
        {
            try
            {
                var report = CallbackListLookupUpgrade.Run(CrmSvc);
                if (report.Filled.Count + report.Failed.Count == 0) return;
                Log(string.Format(CultureInfo.InvariantCulture,
                    "Voice for D365 callback profiles: {0} given their Callback List lookup from their Callback List Id, {1} could not be.", report.Filled.Count, report.Failed.Count));
                foreach (var filled in report.Filled) Log("  " + filled);
                foreach (var failure in report.Failed) Warn(failure);
            }
            catch (Exception e)
            {
                Warn("Voice for D365 could not give the callback profiles their Callback List lookup (" + e.Message + "); their callback sync reads the Callback List Id meanwhile. Pick each profile's list by name in the Voice for D365 Configurator (Callback Profiles).");
            }
        }

        private void CheckDefaultCrmAssignee()
        {
            try
            {
                var problem = DefaultCrmAssigneeCheck.Check(CrmSvc);
                if (problem == null) Log("Voice for D365: DefaultCrmAssignee is set to the Enreach id of a Dynamics user.");
                else Warn(problem);
            }
            catch (Exception e)
            {
                Warn("Voice for D365 could not check DefaultCrmAssignee (" + e.Message + "). " + DefaultCrmAssigneeCheck.HowToFix);
            }
        }

        /// <summary>The version of the installed VoiceForD365 solution; null when it is not installed.</summary>
        private string? InstalledVersion()
        {
            var query = new QueryExpression(SolutionTable) { ColumnSet = new ColumnSet(SolutionVersionColumn), TopCount = 1 };
            query.Criteria.AddCondition(SolutionUniqueNameColumn, ConditionOperator.Equal, Publisher.SolutionUniqueName);
            IOrganizationService service = CrmSvc;
            var solution = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return solution == null ? null : solution.GetAttributeValue<string>(SolutionVersionColumn) ?? "(unknown version)";
        }

        private void Log(string message) => PackageLog.Log(message, TraceEventType.Information);

        /// <summary>A warning in the log and as a line of the wizard's progress panel, where the administrator sees it.</summary>
        private void Warn(string message)
        {
            PackageLog.Log(message, TraceEventType.Warning);
            CreateProgressItem(message);
            RaiseUpdateEvent(message, ProgressPanelItemStatus.Warning);
        }
    }
}
