namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>The plug-in steps and custom APIs the local organization registered from the shipped plug-in assembly.</summary>
public sealed class PluginRegistrationScenario : IDemoScenario
{
    public string Title => "Plug-in registrations";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var output = context.Output;
        var assembly = DemoOrganization.PluginAssembly.GetName();
        output.WriteLine($"  Assembly {assembly.Name} {assembly.Version}: {DemoRunner.Plural(org.Steps.Count, "plug-in step")}, {DemoRunner.Plural(org.CustomApis.Count, "custom API")}");
        if (org.Steps.Count > 0)
        {
            output.WriteLine();
            TextTable.Write(output, ["message", "table", "stage", "mode", "rank", "plug-in"],
                org.Steps.Select(s => (IReadOnlyList<string>)
                [
                    s.Declaration.Message,
                    s.Declaration.Table.Length == 0 ? "(any)" : s.Declaration.Table,
                    $"{(int)s.Declaration.Stage} {s.Declaration.Stage}",
                    s.Declaration.Mode.ToString(),
                    s.Declaration.Order.ToString(),
                    s.PluginType.FullName ?? s.PluginType.Name,
                ]));
        }
        foreach (var api in org.CustomApis.OrderBy(a => a.Declaration.UniqueName, StringComparer.Ordinal))
            output.WriteLine($"  custom API {api.Declaration.UniqueName}: {api.PluginType.FullName}");
    }
}
