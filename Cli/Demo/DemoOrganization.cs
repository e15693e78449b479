using System.Reflection;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins;

namespace VoiceForD365.Cli.Demo;

/// <summary>The local organization the demo runs on: our solution's metadata plus the steps of the shipped plug-in assembly.</summary>
public static class DemoOrganization
{
    public static Assembly PluginAssembly => typeof(PluginBase).Assembly;

    public static LocalOrganization Create() => new(new LocalOrganizationOptions { PluginAssemblies = [PluginAssembly] });
}
