using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Registration
{
    /// <summary>
    /// The [PluginStep] declarations of loaded plug-in classes, read by reflection: what the local organization registers
    /// and what vfd doctor expects an organization to have (the packer reads the same attributes from the shipped dll's
    /// metadata, without loading it).
    /// </summary>
    public static class DeclaredSteps
    {
        /// <summary>The concrete plug-in classes of an assembly, in a stable order (by full name).</summary>
        public static IEnumerable<Type> PluginTypesIn(Assembly assembly)
        {
            if (assembly == null) throw new ArgumentNullException(nameof(assembly));
            return assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal);
        }

        /// <summary>The steps declared on one plug-in class.</summary>
        public static IEnumerable<StepDeclaration> On(Type pluginType)
        {
            if (pluginType == null) throw new ArgumentNullException(nameof(pluginType));
            return pluginType.GetCustomAttributes<PluginStepAttribute>().Select(a => StepDeclaration.Of(pluginType.FullName!, a));
        }

        /// <summary>Every step declared in an assembly, class by class.</summary>
        public static IEnumerable<StepDeclaration> In(Assembly assembly) => PluginTypesIn(assembly).SelectMany(On);
    }
}
