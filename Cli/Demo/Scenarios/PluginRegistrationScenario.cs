namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>The plug-in steps, custom APIs and virtual tables' data providers the local organization registered from the shipped plug-in assembly.</summary>
public sealed class PluginRegistrationScenario : IDemoScenario
{
    public string Name => "plugins";

    public string Title => "Plug-in registrations";

    public string Summary => "the plug-in steps, the custom API and the Callback List data provider, registered from their declarations in code";

    public int Order => 20;

    public string ReadMore => "One declaration of every plug-in step";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var output = context.Output;
        var assembly = DemoOrganization.PluginAssembly.GetName();
        output.WriteLine($"  Assembly {assembly.Name} {assembly.Version}: {DemoRunner.Plural(org.Steps.Count, "plug-in step")}, {DemoRunner.Plural(org.CustomApis.Count, "custom API")}, " +
            $"{DemoRunner.Plural(org.DataProviders.Count, "data provider")}{(org.DataProviders.Count == 0 ? "" : " (of " + string.Join(", ", org.DataProviders.Select(p => p.Table).Order(StringComparer.Ordinal)) + ")")}");
        // Without --verbose: one line per plug-in and the steps it runs on.
        var byPlugin = org.Steps.GroupBy(s => s.PluginType.Name).ToList();
        var width = byPlugin.Select(g => g.Key.Length).DefaultIfEmpty(0).Max();
        foreach (var plugin in byPlugin)
        {
            var steps = plugin.GroupBy(s => (Table: s.Declaration.Table.Length == 0 ? "any table" : s.Declaration.Table, s.Declaration.Stage, s.Declaration.Mode))
                .Select(g => $"{string.Join(", ", g.Select(s => s.Declaration.Message))} of {g.Key.Table} ({g.Key.Stage}, {g.Key.Mode})");
            context.Brief.WriteLine($"    {plugin.Key.PadRight(width)}  {string.Join("; ", steps)}");
        }
        if (org.Steps.Count > 0)
        {
            context.Detail.WriteLine();
            TextTable.Write(context.Detail, ["message", "table", "stage", "mode", "rank", "plug-in"],
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
        // Main-operation steps on a virtual table: its data provider, run instead of the database operation.
        foreach (var provider in org.DataProviders.OrderBy(p => p.Table, StringComparer.Ordinal))
            context.Detail.WriteLine($"  data provider of the virtual table {provider.Table}: {string.Join(", ", provider.Declaration.Operations.Select(o => $"{o.Message} {o.PluginTypeName}"))}");
        context.Conclude($"{DemoRunner.Plural(org.Steps.Count, "plug-in step")}, {DemoRunner.Plural(org.CustomApis.Count, "custom API")} and {DemoRunner.Plural(org.DataProviders.Count, "data provider")} registered from the declarations in {assembly.Name}");
    }
}
