using System.CommandLine;

namespace VoiceForD365.Cli.Demo;

/// <summary>`vfd demo [section...] [--list] [--verbose]`: the product on a local organization, printing what happened.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var sections = new Argument<string[]>("section")
        {
            Description = "The sections to run (with the ones they need, run first without output); none: all. --list names them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var list = new Option<bool>("--list") { Description = "Name the sections and what each shows, and run nothing." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print request counts, plug-in traces and every table." };
        var command = new Command("demo", "Run the product on a local organization (in-memory Dataverse with the solution imported) and the Enreach emulator, and print what happened.")
        {
            sections,
            list,
            verbose,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            if (parseResult.GetValue(list))
            {
                DemoRunner.WriteList(configuration.Output, DemoScenarios.All);
                return 0;
            }
            var options = new DemoOptions { Sections = parseResult.GetValue(sections) ?? [], Verbose = parseResult.GetValue(verbose) };
            return DemoRunner.Run(DemoScenarios.All, configuration.Output, configuration.Error, options);
        });
        return command;
    }
}
