using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using VoiceForD365.Plugins.Users;
using Xunit;

namespace VoiceForD365.Tests.Solution;

/// <summary>
/// SPEC C1: the "Update Enreach User Ids" button of the user list. The ribbon is checked against Microsoft's
/// customizations schema; the web resource is run under Node.js against a fake Xrm that records every call.
/// </summary>
public sealed class UpdateEnreachUserIdsButtonTests
{
    private const string WebResourceName = "vfd_/Scripts/UpdateEnreachUserIds.js";
    private const string CommandFunction = "VoiceForD365.UserList.updateEnreachUserIds";

    private static readonly string RepoRoot = Repository.Root;
    private static readonly string RibbonPath = Path.Combine(RepoRoot, "Solution", "Ribbon", "systemuser.RibbonDiffXml.xml");
    private static readonly string WebResourcePath = Path.Combine(RepoRoot, "Solution", "WebResources", WebResourceName);

    // ---------------------------------------------------------------- ribbon

    [Fact]
    public void RibbonDiffXml_Should_ValidateAgainstCustomizationsSchema()
    {
        // The schema allows RibbonDiffXml inside an <Entity> of <ImportExportXml> (type RibbonEntityDiffXmlType):
        // validate it exactly there, in the smallest document the schema accepts, as the packer will embed it.
        var ribbon = XElement.Load(RibbonPath);
        var document = new XDocument(
            new XElement("ImportExportXml",
                new XElement("Entities",
                    new XElement("Entity",
                        new XElement("Name", new XAttribute("LocalizedName", "User"), new XAttribute("OriginalName", "User"), "systemuser"),
                        ribbon))));

        var errors = new List<string>();
        document.Validate(LoadCustomizationsSchema(), (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.Equal("RibbonDiffXml", ribbon.Name.LocalName);
        Assert.Empty(errors);
    }

    [Fact]
    public void RibbonButton_Should_CallTheWebResourceFunctionWithThePrimaryControl()
    {
        var ribbon = XElement.Load(RibbonPath);
        var action = Assert.Single(ribbon.Descendants("CustomAction"));
        Assert.Equal("Mscrm.HomepageGrid.systemuser.MainTab.Management.Controls._children", (string?)action.Attribute("Location"));

        var button = Assert.Single(action.Descendants("Button"));
        var command = Assert.Single(ribbon.Descendants("CommandDefinition"), c => (string?)c.Attribute("Id") == (string?)button.Attribute("Command"));
        var function = Assert.Single(command.Descendants("JavaScriptFunction"));
        Assert.Equal("$webresource:" + WebResourceName, (string?)function.Attribute("Library"));
        Assert.Equal(CommandFunction, (string?)function.Attribute("FunctionName"));
        Assert.Equal("PrimaryControl", (string?)Assert.Single(function.Elements("CrmParameter")).Attribute("Value"));

        Assert.True(File.Exists(WebResourcePath), $"The ribbon's library {WebResourceName} is not at {WebResourcePath}.");
        var script = File.ReadAllText(WebResourcePath);
        Assert.Contains("VoiceForD365.UserList = VoiceForD365.UserList || {}", script);
        Assert.Contains("ns.updateEnreachUserIds = function", script); // and the node runs below call it by the ribbon's FunctionName
    }

    [Fact]
    public void RibbonLabels_Should_AllBeDefinedInLocLabels()
    {
        var ribbon = XElement.Load(RibbonPath);
        var defined = ribbon.Descendants("LocLabel").Select(l => "$LocLabels:" + (string?)l.Attribute("Id")).ToHashSet();
        var used = ribbon.Descendants("Button").Attributes().Select(a => a.Value).Where(v => v.StartsWith("$LocLabels:", StringComparison.Ordinal)).ToList();

        Assert.Contains(used, u => u.EndsWith(".LabelText", StringComparison.Ordinal));
        Assert.Contains(used, u => u.EndsWith(".ToolTipDescription", StringComparison.Ordinal));
        Assert.All(used, u => Assert.Contains(u, defined));
        Assert.Contains(ribbon.Descendants("Title"), t => (string?)t.Attribute("description") == "Update Enreach User Ids");
    }

    // ---------------------------------------------------------------- web resource under node

    [Fact]
    public void UserConfirms_Should_CallTheApiOnceShowTheOutcomeAndRefreshTheGrid()
    {
        var transcript = RunCommand(new JsonObject
        {
            ["confirm"] = true,
            ["response"] = new JsonObject
            {
                [UpdateEnreachUserIdsApi.Updated] = 3,
                [UpdateEnreachUserIdsApi.Unchanged] = 5,
                [UpdateEnreachUserIdsApi.Cleared] = 1,
                [UpdateEnreachUserIdsApi.NotFound] = 2,
                [UpdateEnreachUserIdsApi.Ambiguous] = 1,
                [UpdateEnreachUserIdsApi.Messages] = "anna@contoso.com: no Enreach user\nbob@contoso.com: 2 Enreach users",
            },
        });

        Assert.Equal(
            ["openConfirmDialog", "showProgressIndicator", "execute", "closeProgressIndicator", "refresh", "openAlertDialog"],
            transcript.Names);

        var request = transcript.Single("execute");
        Assert.Equal(UpdateEnreachUserIdsApi.Name, (string?)request["operationName"]);
        Assert.Equal(0, (int?)request["operationType"]);
        Assert.Null(request["boundParameter"]);
        Assert.Empty(request["parameterTypes"]!.AsObject());

        var alert = (string?)transcript.Single("openAlertDialog")["text"];
        Assert.Equal(
            "Updated: 3\nUnchanged: 5\nCleared: 1\nNot found: 2\nAmbiguous: 1\n\nUsers not matched:\n" +
            "anna@contoso.com: no Enreach user\nbob@contoso.com: 2 Enreach users",
            alert);
    }

    [Fact]
    public void ManyUsersNotMatched_Should_TruncateTheMessagesInTheAlert()
    {
        var lines = Enumerable.Range(1, 25).Select(i => $"user{i}@contoso.com: no Enreach user");
        var transcript = RunCommand(new JsonObject
        {
            ["confirm"] = true,
            ["response"] = new JsonObject { [UpdateEnreachUserIdsApi.NotFound] = 25, [UpdateEnreachUserIdsApi.Messages] = string.Join("\n", lines) },
        });

        var alert = (string)transcript.Single("openAlertDialog")["text"]!;
        Assert.Contains("Not found: 25", alert);
        Assert.Contains("user10@contoso.com: no Enreach user", alert);
        Assert.DoesNotContain("user11@contoso.com", alert);
        Assert.EndsWith("\u2026 and 15 more.", alert);
    }

    [Fact]
    public void RunStoppedWithinTheTimeLimit_Should_TellTheAdminToPressAgain()
    {
        var transcript = RunCommand(new JsonObject
        {
            ["confirm"] = true,
            ["response"] = new JsonObject { [UpdateEnreachUserIdsApi.Updated] = 7000, [UpdateEnreachUserIdsApi.Remaining] = 2000 },
        });

        var alert = (string)transcript.Single("openAlertDialog")["text"]!;
        Assert.Contains("2000 users remain: press Update Enreach User Ids again to continue.", alert);
    }

    [Fact]
    public void UserCancels_Should_ExecuteNothing()
    {
        var transcript = RunCommand(new JsonObject { ["confirm"] = false });

        Assert.Equal(["openConfirmDialog"], transcript.Names);
    }

    [Fact]
    public void ApiFails_Should_CloseTheProgressAndShowTheError()
    {
        const string message = "Enreach user ids were not updated: the Enreach API answered 401 Unauthorized.";
        var transcript = RunCommand(new JsonObject { ["confirm"] = true, ["error"] = message });

        Assert.Equal(
            ["openConfirmDialog", "showProgressIndicator", "execute", "closeProgressIndicator", "openErrorDialog"],
            transcript.Names);
        Assert.Equal(message, (string?)transcript.Single("openErrorDialog")["message"]);
    }

    [Fact]
    public void GridWithoutRefresh_Should_StillShowTheOutcome()
    {
        var transcript = RunCommand(new JsonObject
        {
            ["confirm"] = true,
            ["primaryControl"] = "none",
            ["response"] = new JsonObject { [UpdateEnreachUserIdsApi.Unchanged] = 4 },
        });

        Assert.Equal(["openConfirmDialog", "showProgressIndicator", "execute", "closeProgressIndicator", "openAlertDialog"], transcript.Names);
        Assert.StartsWith("Updated: 0\nUnchanged: 4\n", (string?)transcript.Single("openAlertDialog")["text"]);
    }

    // ---------------------------------------------------------------- helpers

    private static XmlSchemaSet LoadCustomizationsSchema()
    {
        var folder = Path.Combine(Repository.Reference, "schemas", "dataverse-9.0.0.2090");
        var path = Path.Combine(folder, "CustomizationsSolution.xsd");
        Assert.True(File.Exists(path), $"Microsoft's schema is not at {path}.");

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() }; // follows the xs:include chain to RibbonCore.xsd etc.
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            schemas.Add(null, reader);
        }
        schemas.Compile();
        return schemas;
    }

    private sealed record Transcript(IReadOnlyList<string> Names, IReadOnlyList<JsonObject> Calls)
    {
        public JsonObject Single(string name) => (JsonObject)Assert.Single(Calls, c => (string?)c["call"] == name)["args"]!;
    }

    /// <summary>Runs the button's command under node with a fake Xrm; returns the calls it made, in order.</summary>
    private static Transcript RunCommand(JsonObject scenario)
    {
        var node = FindOnPath("node")
            ?? throw new Xunit.Sdk.XunitException(
                "node was not found on PATH. These tests run the web resource " + WebResourceName +
                " under Node.js (v18 or later); install Node.js and make sure `node` is on PATH.");

        var folder = Directory.CreateTempSubdirectory("vfd-webresource-");
        try
        {
            var harness = Path.Combine(folder.FullName, "harness.js");
            File.WriteAllText(harness, Harness);

            var start = new ProcessStartInfo(node)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(harness);
            start.ArgumentList.Add(WebResourcePath);
            start.ArgumentList.Add(RibbonFunctionName());
            start.ArgumentList.Add(scenario.ToJsonString());

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("node did not finish within 30 s.");
            }
            Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");

            var output = JsonNode.Parse(stdout.Result)!.AsObject();
            Assert.True(output["failure"] is null, $"The command failed inside node: {output["failure"]}");
            var calls = output["calls"]!.AsArray().Select(c => c!.AsObject()).ToList();

            // Never leave the progress indicator open, whatever happened.
            var names = calls.Select(c => (string)c["call"]!).ToList();
            Assert.False(output["progressOpen"]!.GetValue<bool>(), "The progress indicator was left open: " + string.Join(", ", names));
            Assert.True(names.Count(n => n == "showProgressIndicator") == names.Count(n => n == "closeProgressIndicator"),
                "Each showProgressIndicator needs one closeProgressIndicator: " + string.Join(", ", names));
            return new Transcript(names, calls);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The FunctionName the ribbon calls: the node runs resolve it by name, as the ribbon would.</summary>
    private static string RibbonFunctionName() =>
        (string)XElement.Load(RibbonPath).Descendants("JavaScriptFunction").Single().Attribute("FunctionName")!;

    private static string? FindOnPath(string program)
    {
        var names = OperatingSystem.IsWindows() ? new[] { program + ".exe", program + ".cmd" } : new[] { program };
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }


    /// <summary>
    /// Node harness: argv = web resource path, the ribbon's FunctionName, scenario JSON
    /// ({confirm, response?, error?, primaryControl?}).
    /// Defines a fake Xrm and grid, loads the web resource as the browser would (a classic script), runs the
    /// command and, once nothing is left to run, prints {calls, progressOpen, failure?}.
    /// </summary>
    private const string Harness = """
        "use strict";
        const fs = require("fs");
        const vm = require("vm");
        const [libraryPath, functionName, scenarioJson] = process.argv.slice(2);
        const scenario = JSON.parse(scenarioJson);
        const calls = [];
        let progressOpen = false;
        let failure = null;
        const record = (call, args) => calls.push({ call, args: args || {} });

        globalThis.Xrm = {
          Navigation: {
            openConfirmDialog: (strings) => { record("openConfirmDialog", strings); return Promise.resolve({ confirmed: scenario.confirm }); },
            openAlertDialog: (strings) => { record("openAlertDialog", strings); return Promise.resolve({}); },
            openErrorDialog: (options) => { record("openErrorDialog", options); return Promise.resolve({}); }
          },
          Utility: {
            showProgressIndicator: (message) => { progressOpen = true; record("showProgressIndicator", { message }); },
            closeProgressIndicator: () => { progressOpen = false; record("closeProgressIndicator"); }
          },
          WebApi: {
            online: {
              execute: (request) => {
                record("execute", request.getMetadata());
                if (scenario.error) {
                  const error = new Error(scenario.error);
                  error.errorCode = -2147220891;
                  return Promise.reject(error);
                }
                const body = Object.assign({ "@odata.context": "https://org.crm.dynamics.com/api/data/v9.2/$metadata#Microsoft.Dynamics.CRM.vfd_UpdateEnreachUserIdsResponse" }, scenario.response);
                return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(body) });
              }
            }
          }
        };
        const primaryControl = scenario.primaryControl === "none" ? {} : { refresh: () => record("refresh") };

        process.on("unhandledRejection", (reason) => { failure = "unhandled rejection: " + (reason && reason.stack || reason); });
        process.on("beforeExit", () => {
          process.stdout.write(JSON.stringify({ calls, progressOpen, failure }));
          process.exit(0);
        });

        try {
          vm.runInThisContext(fs.readFileSync(libraryPath, "utf8"), { filename: libraryPath });
          const command = functionName.split(".").reduce((owner, name) => owner == null ? undefined : owner[name], globalThis);
          if (typeof command !== "function") throw new Error(functionName + " is not a function after loading " + libraryPath);
          command(primaryControl);
        } catch (error) {
          failure = "thrown: " + (error && error.stack || error);
        }
        """;
}
