using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Hosting;

namespace TeamsEngage.Connector.Tests.Client;

/// <summary>The cloud preset decides where the bot's outbound token comes from and what it is for.</summary>
public sealed class CloudTokenTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000b0";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData("MultiTenant", "MicrosoftServices.onmicrosoft.us")]
    [InlineData("SingleTenant", TenantId)]
    public async Task AGccHighBotAsksTheGovernmentAuthorityForTheGovernmentConnectorsScope(string appType, string tenant)
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        var provider = BotTokenProviderFactory.Create(Options(appType, BotCloud.USGovGccHighName), identity.HttpClientFactory());

        Assert.Equal("msal-token-1", await provider.GetTokenAsync(false, CancellationToken.None));

        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal(tenant, request.Tenant, ignoreCase: true);
        Assert.Equal("https://api.botframework.us/.default", request.Form["scope"]);
        var tokenCall = Assert.Single(identity.RequestedUris, u => u.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal));
        Assert.Equal("login.microsoftonline.us", tokenCall.Host);
    }

    [Theory]
    [InlineData("Public")]
    [InlineData("USGovGcc")]
    public async Task BotsOfThePublicChannelAskThePublicAuthorityForThePublicConnectorsScope(string cloud)
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        var provider = BotTokenProviderFactory.Create(Options("MultiTenant", cloud), identity.HttpClientFactory());

        await provider.GetTokenAsync(false, CancellationToken.None);

        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal("botframework.com", request.Tenant);
        Assert.Equal("https://api.botframework.com/.default", request.Form["scope"]);
        Assert.All(identity.RequestedUris, u => Assert.Equal("login.microsoftonline.com", u.Host));
    }

    [Fact]
    public async Task TheBotFrameworksOwnKeysOverrideThePresetsAuthorityAndScope()
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        var options = Options("MultiTenant", BotCloud.USGovGccHighName);
        options.ToChannelFromBotLoginUrl = "https://login.microsoftonline.us/override.onmicrosoft.us";
        options.ToChannelFromBotOAuthScope = "https://connector.test.example";

        await BotTokenProviderFactory.Create(options, identity.HttpClientFactory()).GetTokenAsync(false, CancellationToken.None);

        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal("override.onmicrosoft.us", request.Tenant);
        Assert.Equal("https://connector.test.example/.default", request.Form["scope"]);
    }

    [Fact]
    public void EachPresetSetsEveryEndpointAndOnlyGccHighUsesTheGovernmentChannel()
    {
        var high = new BotOptions { Cloud = "usgovgcchigh" }.ResolveCloud();
        var gcc = new BotOptions { Cloud = "USGovGcc" }.ResolveCloud();
        var standard = new BotOptions().ResolveCloud();

        Assert.Equal(
            ["https://botframework.azure.us", "https://api.botframework.us", "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"],
            [high.ChannelService, high.TokenIssuer, high.OpenIdMetadataUrl]);
        Assert.Equal(standard with { Name = gcc.Name, ServiceHosts = gcc.ServiceHosts }, gcc);
        Assert.Equal(BotOptions.BotFrameworkOpenIdMetadataUrl, standard.OpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", standard.TokenIssuer);
    }

    private static BotOptions Options(string appType, string cloud) => new()
    {
        MicrosoftAppType = appType,
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = "s3cret",
        MicrosoftAppTenantId = TenantId,
        Cloud = cloud,
    };
}
