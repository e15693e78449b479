using System;
using System.IO;
using System.Linq;

namespace VoiceForD365.RoutingService;

/// <summary>
/// Where the API keys come from: an environment variable with the keys comma separated, or a secrets file named by the
/// same variable with <c>_FILE</c> (a Docker or Kubernetes secret; keys separated by commas or lines). Never from the
/// command line or appsettings.json, so a key is not in a process list or in a file deployed with the service.
/// </summary>
public static class ApiKeySource
{
    /// <summary>The keys Enreach sends with SmartRouting requests (X-Benemen-APIKey, or the password of HTTP Basic).</summary>
    public const string SmartRoutingVariable = "VFD_ROUTING_API_KEYS";

    /// <summary>The keys the Webex flow sends (Authorization: Bearer).</summary>
    public const string WebexVariable = "VFD_WEBEX_API_KEYS";

    public const string FileSuffix = "_FILE";

    private static readonly char[] Separators = [',', '\n', '\r'];

    /// <summary>The keys of <paramref name="variable"/> and of the file <paramref name="variable"/>_FILE names, together.</summary>
    /// <exception cref="InvalidOperationException">The file can't be read, or a key is unusable (the message names the variable, never a key).</exception>
    public static ApiKeyRing Read(string variable, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var text = environment(variable) ?? "";
        var file = environment(variable + FileSuffix);
        if (!string.IsNullOrWhiteSpace(file))
        {
            try
            {
                text += "," + File.ReadAllText(file.Trim());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"{variable}{FileSuffix} names {file.Trim()}, which can't be read: {e.Message}", e);
            }
        }
        var keys = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);
        try
        {
            return ApiKeyRing.Of(keys, variable);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }
}
