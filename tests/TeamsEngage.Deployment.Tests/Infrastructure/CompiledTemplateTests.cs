using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsEngage.Testing;
using TeamsEngage.Deployment.Tests.Support;

namespace TeamsEngage.Deployment.Tests.Infrastructure;

/// <summary>What the compiled ARM template deploys, read from the real `bicep build` output.</summary>
public class CompiledTemplateTests : IClassFixture<CompiledTemplateTests.Template>
{
    private readonly CompiledTemplate _template;

    public CompiledTemplateTests(Template fixture) => _template = fixture.Compiled;

    [Fact]
    public void WebAppRunsDotNet10OnLinuxWithHardenedSettings()
    {
        var site = _template.Only("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.Equal("app,linux", (string?)site["kind"]);
        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("1.2", (string?)config["minTlsVersion"]);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool)_template.Only("Microsoft.Web/serverfarms")["properties"]!["reserved"]!);
    }

    [Fact]
    public void WebAppGetsExactlyTheSettingsTheBotReads()
    {
        var settings = AppSettings();

        Assert.Equal(
            new[]
            {
                "APPLICATIONINSIGHTS_CONNECTION_STRING", "ASPNETCORE_ENVIRONMENT", "MicrosoftAppId", "MicrosoftAppTenantId",
                "MicrosoftAppType", "Storage__ManagedIdentityClientId", "Storage__TableEndpoint", "TeamsEngage__AllowedTenants__0",
                "TeamsEngage__Cloud", "TeamsEngage__PublicBaseUrl", "TeamsEngage__Reports__Tab__ApplicationIdUri",
                "TeamsEngage__Reports__Tab__ClientId",
            },
            settings.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("[parameters('identityClientId')]", settings["MicrosoftAppId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Storage__ManagedIdentityClientId"]);
        Assert.Equal("[parameters('tableEndpoint')]", settings["Storage__TableEndpoint"]);
        Assert.Equal("[parameters('allowedTenantId')]", settings["TeamsEngage__AllowedTenants__0"]);
        Assert.Equal("[format('https://{0}.azurewebsites.net', parameters('webAppName'))]", settings["TeamsEngage__PublicBaseUrl"]);
        Assert.Equal("[parameters('cloud')]", settings["TeamsEngage__Cloud"]);
        Assert.Equal("[parameters('reportsTabClientId')]", settings["TeamsEngage__Reports__Tab__ClientId"]);
        Assert.Equal("[if(empty(parameters('reportsTabClientId')), '', format('api://{0}.azurewebsites.net/{1}', parameters('webAppName'), parameters('reportsTabClientId')))]", settings["TeamsEngage__Reports__Tab__ApplicationIdUri"]);
    }

    [Fact]
    public void TheCloudParameterOffersTheThreeBotCloudsAndReachesTheWebApp()
    {
        var cloud = _template.Root["parameters"]!["cloud"]!;

        Assert.Equal("Public", (string?)cloud["defaultValue"]);
        Assert.Equal(["Public", "USGovGcc", "USGovGccHigh"], cloud["allowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("\"[parameters('cloud')]\"", Value(_template.Module("webapp")["properties"]!["parameters"]!, "cloud"));
    }

    [Fact]
    public void ThePlanStartsAtTheMinimumAndAutoscalesOnCpuUpToTheMaximumWhereItsSkuCan()
    {
        var autoscale = _template.Only("Microsoft.Insights/autoscalesettings");
        var profile = Assert.Single(autoscale["properties"]!["profiles"]!.AsArray())!;
        var rules = profile["rules"]!.AsArray();
        var webapp = _template.Module("webapp")["properties"]!["parameters"]!;

        Assert.Equal("[parameters('minInstances')]", JsonText(_template.Only("Microsoft.Web/serverfarms")["sku"]!["capacity"]).Trim('"'));
        Assert.Equal("[string(parameters('minInstances'))]", (string?)profile["capacity"]!["minimum"]);
        Assert.Equal("[string(parameters('maxInstances'))]", (string?)profile["capacity"]!["maximum"]);
        Assert.All(rules, r => Assert.Equal("CpuPercentage", (string?)r!["metricTrigger"]!["metricName"]));
        Assert.Equal(
            [("Increase", "GreaterThan", 70.0), ("Decrease", "LessThan", 30.0)],
            rules.Select(r => ((string)r!["scaleAction"]!["direction"]!, (string)r["metricTrigger"]!["operator"]!, (double)r["metricTrigger"]!["threshold"]!)));
        Assert.Equal("[variables('canAutoscale')]", (string?)autoscale["condition"]);
        var variables = _template.Module("webapp")["properties"]!["template"]!["variables"]!;
        Assert.Equal("[and(not(startsWith(parameters('skuName'), 'B')), greater(parameters('maxInstances'), parameters('minInstances')))]", (string?)variables["canAutoscale"]);
        Assert.Equal("\"[parameters('minInstances')]\"", Value(webapp, "minInstances"));
        Assert.Equal("\"[parameters('maxInstances')]\"", Value(webapp, "maxInstances"));
    }

    [Fact]
    public void WebAppModuleIsWiredToTheIdentityAndStorageOutputs()
    {
        var parameters = _template.Module("webapp")["properties"]!["parameters"]!;

        Assert.Contains("'identity'", Value(parameters, "identityClientId"), StringComparison.Ordinal);
        Assert.Contains("outputs.clientId.value", Value(parameters, "identityClientId"), StringComparison.Ordinal);
        Assert.Contains("'storage'", Value(parameters, "tableEndpoint"), StringComparison.Ordinal);
        Assert.Contains("outputs.tableEndpoint.value", Value(parameters, "tableEndpoint"), StringComparison.Ordinal);
        Assert.Contains("outputs.connectionString.value", Value(parameters, "appInsightsConnectionString"), StringComparison.Ordinal);
    }

    [Fact]
    public void BotSignsInAsTheManagedIdentityAndListensOnTheWebApp()
    {
        var bot = _template.Only("Microsoft.BotService/botServices");
        var properties = bot["properties"]!;
        var channel = _template.Only("Microsoft.BotService/botServices/channels");

        Assert.Equal("azurebot", (string?)bot["kind"]);
        Assert.NotNull(bot["sku"]?["name"]);
        Assert.Equal("UserAssignedMSI", (string?)properties["msaAppType"]);
        Assert.Equal("[parameters('identityClientId')]", (string?)properties["msaAppId"]);
        Assert.Equal("[parameters('identityTenantId')]", (string?)properties["msaAppTenantId"]);
        Assert.Equal("[parameters('identityId')]", (string?)properties["msaAppMSIResourceId"]);
        Assert.Equal("[format('https://{0}/api/messages', parameters('messagingHost'))]", (string?)properties["endpoint"]);
        Assert.Equal("MsTeamsChannel", (string?)channel["properties"]!["channelName"]);
        Assert.Contains("outputs.defaultHostName.value", Value(_template.Module("bot")["properties"]!["parameters"]!, "messagingHost"), StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAcceptsOnlyEntraIdOverTls12AndGrantsTheIdentityTableDataContributor()
    {
        var storage = _template.Only("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;
        var role = _template.Only("Microsoft.Authorization/roleAssignments")["properties"]!;

        Assert.Equal("StorageV2", (string?)storage["kind"]);
        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.Single(_template.Resources("Microsoft.Storage/storageAccounts/tableServices"));
        var storageVariables = _template.Module("storage")["properties"]!["template"]!["variables"]!;
        Assert.Equal("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", (string?)storageVariables["tableDataContributorRoleId"]);
        Assert.Equal(
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('tableDataContributorRoleId'))]",
            (string?)role["roleDefinitionId"]);
        Assert.Equal("[parameters('principalId')]", (string?)role["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)role["principalType"]);
    }

    [Fact]
    public void ApplicationInsightsIsWorkspaceBased()
    {
        var insights = _template.Only("Microsoft.Insights/components")["properties"]!;

        Assert.Single(_template.Resources("Microsoft.OperationalInsights/workspaces"));
        Assert.Contains("Microsoft.OperationalInsights/workspaces", JsonText(insights["WorkspaceResourceId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkbookChartsEveryInstrumentOfTheTeamsEngageMeterFromTheApplicationInsightsItCreates()
    {
        var workbook = _template.Only("Microsoft.Insights/workbooks");
        // Bicep keeps the loaded file in a variable of the monitoring module's template.
        var reference = Regex.Match((string)workbook["properties"]!["serializedData"]!, @"^\[variables\('([^']+)'\)\]$");
        Assert.True(reference.Success);
        var variables = _template.Module("monitoring")["properties"]!["template"]!["variables"]!;
        var content = JsonNode.Parse((string)variables[reference.Groups[1].Value]!)!;
        var queries = content["items"]!.AsArray().Select(i => (string?)i!["content"]?["query"]).OfType<string>().ToList();
        var charted = queries.SelectMany(q => Regex.Matches(q, "name == \"([^\"]+)\"").Select(m => m.Groups[1].Value)).ToHashSet();
        var instruments = InstrumentNamesInTheCode();

        Assert.Contains("Microsoft.Insights/components", JsonText(workbook["properties"]!["sourceId"]), StringComparison.Ordinal);
        Assert.Equal("shared", (string?)workbook["kind"]);
        Assert.Contains("teamsengage.outbox.depth", instruments);
        Assert.Equal(instruments.Order(StringComparer.Ordinal), charted.Order(StringComparer.Ordinal));
        Assert.All(queries, q => Assert.StartsWith("customMetrics", q, StringComparison.Ordinal));
    }

    /// <summary>Every instrument name the code creates, read from the source so a renamed instrument fails here.</summary>
    private static HashSet<string> InstrumentNamesInTheCode() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "\\.Create\\w+(?:<\\w+>)?\\(\\s*\"(teamsengage\\.[a-z_.]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void TemplateOutputsWhatThePackageScriptNeeds()
    {
        var outputs = _template.Root["outputs"]!.AsObject();

        Assert.All(["botId", "botDomain", "webAppName", "storageTableEndpoint"], name => Assert.True(outputs.ContainsKey(name), name));
        Assert.Contains("outputs.clientId.value", JsonText(outputs["botId"]!["value"]), StringComparison.Ordinal);
        Assert.Contains("outputs.defaultHostName.value", JsonText(outputs["botDomain"]!["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryParameterIsDescribedAndLocationDefaultsToTheResourceGroup()
    {
        var parameters = _template.Root["parameters"]!.AsObject();

        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["metadata"]?["description"]), p.Key));
        Assert.Equal("[resourceGroup().location]", (string?)parameters["location"]!["defaultValue"]);
        Assert.True(parameters.ContainsKey("namePrefix"));
    }

    private Dictionary<string, string> AppSettings() =>
        _template.Only("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => (string)s!["name"]!, s => (string)s!["value"]!);

    private static string Value(JsonNode parameters, string name) => JsonText(parameters[name]!["value"]);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string JsonText(JsonNode? node) => node?.ToJsonString(Readable) ?? "";

    public sealed class Template
    {
        public CompiledTemplate Compiled { get; } = CompiledTemplate.BuildAsync(DeploymentPaths.InfraFolder).GetAwaiter().GetResult();
    }
}
