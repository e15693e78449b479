using System.CommandLine;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Cli;

/// <summary>`--connection` of the commands that work on an organization (doctor, sync, route), with its default from <see cref="Variable"/>.</summary>
public static class ConnectionOption
{
    /// <summary>Where the connection string is read from when --connection is not given (keeps a secret out of the shell's history).</summary>
    public const string Variable = DataverseConnectionString.EnvironmentVariable;

    public static Option<string?> Create(bool recursive = false) => new("--connection", "-c")
    {
        Description = "The organization's connection string: AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com;ClientId=…;ClientSecret=… " +
                      $"(or AuthType=Certificate, or AuthType=Bearer as vfd serve prints it). Default: the environment variable {Variable}.",
        Recursive = recursive,
    };

    /// <summary>The option's value, else the environment variable's; null when neither is given.</summary>
    public static string? Value(ParseResult parseResult, Option<string?> option)
    {
        var value = parseResult.GetValue(option);
        if (string.IsNullOrWhiteSpace(value)) value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The line a command prints when there is no connection string.</summary>
    public static string Missing(string command) =>
        $"{command}: give the organization's connection string with --connection \"AuthType=…;Url=…;…\" or in the environment variable {Variable}.";
}
