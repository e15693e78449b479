using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// How to reach the Enreach API: the API user, its secret, an optional endpoint override and the time limits.
    /// <see cref="EnreachClient"/> takes a validated copy, so changing an instance later does not affect a client.
    /// <see cref="ToString"/> never shows the secret.
    /// </summary>
    public sealed class EnreachSettings
    {
        /// <summary>
        /// Largest time budget the environment variable may set: Dataverse stops a plug-in after 2 minutes, and the
        /// plug-in needs time for its own work after Enreach answers.
        /// </summary>
        public const double MaxTotalBudgetSeconds = 100;

        /// <summary>Where the API endpoint of a user is discovered.</summary>
        public static readonly Uri DefaultDiscoveryUrl = new Uri("https://discover.enreachvoice.com/");

        /// <summary>Email of the API user.</summary>
        public string ApiUserName { get; set; } = "";

        /// <summary>Secret key of the API user. Never traced, never put in a message.</summary>
        public string ApiSecret { get; set; } = "";

        /// <summary>Base URL of the Enreach API; when set, discovery is skipped. Must be https, except on loopback.</summary>
        public Uri? EndpointOverride { get; set; }

        /// <summary>Base URL of the discovery service (the real one by default; tests point it at the emulator).</summary>
        public Uri DiscoveryUrl { get; set; } = DefaultDiscoveryUrl;

        /// <summary>Longest wait for one HTTP request (answer included).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// Longest time one operation (discovery, every attempt and every wait between attempts) may take. The default
        /// ends well before the 2 minutes Dataverse gives a plug-in.
        /// </summary>
        public TimeSpan TotalBudget { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Most attempts of one request (the first one included).</summary>
        public int MaxAttempts { get; set; } = 6;

        /// <summary>First wait before retrying a failed request when Enreach says nothing; doubles on each attempt.</summary>
        public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Longest wait between two attempts computed by the backoff (a Retry-After is honoured as given).</summary>
        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(16);

        /// <summary>
        /// Settings from the environment variables: <paramref name="read"/> returns the value of a variable by schema
        /// name, or null/empty when it is not set. Throws <see cref="EnreachConfigurationException"/> naming what is
        /// missing or invalid.
        /// </summary>
        public static EnreachSettings FromEnvironmentVariables(Func<string, string?> read)
        {
            if (read == null) throw new ArgumentNullException(nameof(read));
            var settings = new EnreachSettings
            {
                ApiUserName = (read(EnreachEnvironmentVariables.ApiUserName) ?? "").Trim(),
                ApiSecret = read(EnreachEnvironmentVariables.ApiSecret) ?? "",
            };
            var endpoint = (read(EnreachEnvironmentVariables.ApiEndpoint) ?? "").Trim();
            if (endpoint.Length > 0)
            {
                if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
                {
                    throw new EnreachConfigurationException(
                        "The environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " is not an absolute URL. Set it to the base URL of the Enreach API (e.g. https://api.example.enreachvoice.com/), or leave it empty to discover the endpoint from the API user.");
                }
                settings.EndpointOverride = uri;
            }
            var budget = (read(EnreachEnvironmentVariables.TimeBudgetSeconds) ?? "").Trim();
            if (budget.Length > 0)
            {
                if (!double.TryParse(budget, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                    || double.IsNaN(seconds) || seconds <= 0 || seconds > MaxTotalBudgetSeconds)
                {
                    throw new EnreachConfigurationException(
                        "The environment variable " + EnreachEnvironmentVariables.TimeBudgetSeconds + " must be a number of seconds greater than 0 and at most " +
                        MaxTotalBudgetSeconds.ToString(CultureInfo.InvariantCulture) + " (e.g. 60), or empty for the default.");
                }
                settings.TotalBudget = TimeSpan.FromSeconds(seconds);
            }
            settings.Validate();
            return settings;
        }

        /// <summary>Throws <see cref="EnreachConfigurationException"/> when the settings cannot work.</summary>
        public void Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(ApiUserName))
                problems.Add("the API user name is empty (environment variable " + EnreachEnvironmentVariables.ApiUserName + ")");
            if (string.IsNullOrEmpty(ApiSecret))
                problems.Add("the API user's secret is empty (environment variable " + EnreachEnvironmentVariables.ApiSecret + ")");
            if (EndpointOverride != null)
            {
                var problem = CheckBaseUrl(EndpointOverride);
                if (problem != null) problems.Add("the endpoint override (environment variable " + EnreachEnvironmentVariables.ApiEndpoint + ") " + problem);
            }
            if (DiscoveryUrl == null)
                problems.Add("the discovery URL is not set");
            else
            {
                var problem = CheckBaseUrl(DiscoveryUrl);
                if (problem != null) problems.Add("the discovery URL " + problem);
            }
            if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromDays(1)) problems.Add("the request timeout must be positive and at most a day");
            if (TotalBudget <= TimeSpan.Zero || TotalBudget > TimeSpan.FromDays(1)) problems.Add("the total time budget must be positive and at most a day");
            if (MaxAttempts < 1) problems.Add("at least one attempt must be allowed");
            if (InitialBackoff < TimeSpan.Zero || MaxBackoff < TimeSpan.Zero) problems.Add("backoff times must not be negative");

            if (problems.Count > 0)
                throw new EnreachConfigurationException("The Enreach API settings are not usable: " + string.Join("; ", problems) + ".");
        }

        /// <summary>A copy, so a client is not affected by later changes of the caller's instance.</summary>
        public EnreachSettings Clone() => (EnreachSettings)MemberwiseClone();

        /// <summary>For traces: what is configured, with the secret masked.</summary>
        public override string ToString() =>
            string.Format(
                CultureInfo.InvariantCulture,
                "Enreach API user {0}, secret {1}, endpoint {2}, request timeout {3:0.###} s, budget {4:0.###} s, at most {5} attempts",
                string.IsNullOrEmpty(ApiUserName) ? "(not set)" : ApiUserName,
                string.IsNullOrEmpty(ApiSecret) ? "(not set)" : "(set)",
                EndpointOverride != null ? EndpointOverride.ToString() : "discovered via " + (DiscoveryUrl != null ? DiscoveryUrl.ToString() : "(not set)"),
                RequestTimeout.TotalSeconds,
                TotalBudget.TotalSeconds,
                MaxAttempts);

        /// <summary>
        /// Null when <paramref name="url"/> is fit to receive requests, else why not. Plain http is accepted only on
        /// loopback (the emulator): anywhere else it would send the API user's credentials in clear text.
        /// </summary>
        internal static string? CheckBaseUrl(Uri url)
        {
            if (!url.IsAbsoluteUri) return "must be an absolute URL";
            if (!string.IsNullOrEmpty(url.UserInfo)) return "must not contain a user name or password";
            if (url.Scheme == Uri.UriSchemeHttps) return null;
            if (url.Scheme == Uri.UriSchemeHttp)
                return url.IsLoopback ? null : "must use https (plain http is accepted only for a loopback address such as the emulator)";
            return "must be an http(s) URL";
        }
    }
}
