using System;
using System.Collections.Generic;

namespace VoiceForD365.Core.Settings
{
    /// <summary>What <see cref="SettingValuesSnapshot.Restore"/> did, by setting name.</summary>
    public sealed class SettingRestoreReport
    {
        /// <summary>Settings written back to their value from before the import.</summary>
        public List<string> Restored { get; } = new List<string>();

        /// <summary>Settings the import left as they were.</summary>
        public List<string> Unchanged { get; } = new List<string>();

        /// <summary>One message per setting that could not be written back.</summary>
        public List<string> Failed { get; } = new List<string>();
    }
}
