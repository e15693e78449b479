using System.CommandLine;

namespace VoiceForD365.Cli.Demo;

/// <summary>`vfd demo`: the product on a local organization, printing what happened.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the product on a local organization (in-memory Dataverse with the solution imported) and print what happened.");
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return DemoRunner.Run(DemoScenarios.All, configuration.Output, configuration.Error);
        });
        return command;
    }
}
