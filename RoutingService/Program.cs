using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceForD365.RoutingService;
using VoiceForD365.WebApiClient;

// The routing service on its own: a container, Azure App Service, or `dotnet VoiceForD365.RoutingService.dll`.
// It listens where ASP.NET Core is told (ASPNETCORE_URLS, or App Service's port); the connection string and the API
// keys come from the environment (README: "Running the routing service").
var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var connection = Environment.GetEnvironmentVariable(RoutingHosting.ConnectionVariable);
if (string.IsNullOrWhiteSpace(connection))
{
    Console.Error.WriteLine($"Set {RoutingHosting.ConnectionVariable} to the Dataverse connection string (AuthType=ClientSecret;Url=…;ClientId=…;ClientSecret=…).");
    return 1;
}
var options = new RoutingServiceOptions();
builder.Configuration.GetSection(RoutingServiceOptions.Section).Bind(options);
var dataverse = DataverseConnectionString.Parse(connection);
var client = RoutingHosting.CreateClient(dataverse, options);
builder.Services.AddSingleton(client);
builder.Services.AddRoutingService(new RoutingServiceSetup
{
    Dynamics = client,
    OrganizationUrl = dataverse.Url,
    Options = options,
    SmartRoutingKeys = ApiKeySource.Read(ApiKeySource.SmartRoutingVariable, Environment.GetEnvironmentVariable),
    WebexKeys = ApiKeySource.Read(ApiKeySource.WebexVariable, Environment.GetEnvironmentVariable),
});
var app = builder.Build();
app.MapRoutingEndpoints();
app.Run();
return 0;
