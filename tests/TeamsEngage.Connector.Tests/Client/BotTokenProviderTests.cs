using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Testing.Connector;

namespace TeamsEngage.Connector.Tests.Client;

public sealed class BotTokenProviderTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000b0";
    private const string TenantId = "11111111-2222-3333-4444-555555555555";

    [Theory]
    [InlineData("MultiTenant", AppId, "secret", null)]
    [InlineData("multitenant", AppId, "secret", TenantId)]
    [InlineData("SingleTenant", AppId, "secret", TenantId)]
    [InlineData("UserAssignedMSI", AppId, null, TenantId)]
    public void CompleteCredentialsAreAccepted(string appType, string? appId, string? password, string? tenantId) =>
        Assert.Empty(BotCredentials.Validate(Options(appType, appId, password, tenantId)));

    [Theory]
    [InlineData("MultiTenant", null, "secret", null, "MicrosoftAppId")]
    [InlineData("MultiTenant", AppId, null, null, "MicrosoftAppPassword")]
    [InlineData("SingleTenant", AppId, "secret", null, "MicrosoftAppTenantId")]
    [InlineData("SingleTenant", AppId, null, TenantId, "MicrosoftAppPassword")]
    [InlineData("SingleTenant", null, "secret", TenantId, "MicrosoftAppId")]
    [InlineData("UserAssignedMSI", AppId, "secret", TenantId, "must be empty")]
    [InlineData("UserAssignedMSI", AppId, null, null, "MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", null, null, TenantId, "MicrosoftAppId")]
    [InlineData("Federated", AppId, "secret", TenantId, "MicrosoftAppType")]
    public void IncompleteCredentialsAreRefusedNamingTheMissingSetting(string appType, string? appId, string? password, string? tenantId, string expected)
    {
        var options = Options(appType, appId, password, tenantId);

        Assert.Contains(BotCredentials.Validate(options), e => e.Contains(expected, StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => BotTokenProviderFactory.Create(options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousBotsGetNoTokenAndNeedNoCredentials()
    {
        var provider = BotTokenProviderFactory.Create(new BotOptions { IsAnonymous = true });

        Assert.IsType<AnonymousBotTokenProvider>(provider);
        Assert.False(provider.HasCredentials);
        Assert.Null(await provider.GetTokenAsync(forceRefresh: true, CancellationToken.None));
    }

    [Theory]
    [InlineData("MultiTenant", typeof(ClientSecretBotTokenProvider))]
    [InlineData("SingleTenant", typeof(ClientSecretBotTokenProvider))]
    [InlineData("UserAssignedMSI", typeof(ManagedIdentityBotTokenProvider))]
    public void TheAppTypeChoosesTheProvider(string appType, Type expected)
    {
        var password = appType == "UserAssignedMSI" ? null : "secret";

        var provider = BotTokenProviderFactory.Create(Options(appType, AppId, password, TenantId));

        Assert.IsType(expected, provider);
        Assert.True(provider.HasCredentials);
    }

    [Fact]
    public async Task MultiTenantTokensComeFromTheBotFrameworkTenantAndAreCached()
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        var provider = new ClientSecretBotTokenProvider(AppId, "s3cret", "botframework.com", identity.HttpClientFactory());

        var first = await provider.GetTokenAsync(false, CancellationToken.None);
        var cached = await provider.GetTokenAsync(false, CancellationToken.None);

        Assert.Equal("msal-token-1", first);
        Assert.Equal(first, cached);
        var request = Assert.Single(identity.TokenRequests);
        Assert.Equal("botframework.com", request.Tenant);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(AppId, request.Form["client_id"]);
        Assert.Equal("s3cret", request.Form["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", request.Form["scope"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForcedRefreshFetchesANewToken()
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        var provider = new ClientSecretBotTokenProvider(AppId, "s3cret", TenantId, identity.HttpClientFactory());

        await provider.GetTokenAsync(false, CancellationToken.None);
        var refreshed = await provider.GetTokenAsync(true, CancellationToken.None);

        Assert.Equal("msal-token-2", refreshed);
        Assert.Equal([TenantId, TenantId], identity.TokenRequests.Select(r => r.Tenant));
    }

    [Fact]
    public async Task ARefusedSecretFailsAsAPermanentTokenError()
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        identity.RefuseWith = "invalid_client";
        var provider = new ClientSecretBotTokenProvider(AppId, "wrong", TenantId, identity.HttpClientFactory());

        var error = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(false, CancellationToken.None));

        Assert.Equal(ConnectorErrorCodes.TokenAcquisitionFailed, error.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task TheRegisteredPipelineSendsTheSingleTenantTokenToTheConnector()
    {
        await using var identity = await IdentityEndpointStub.StartAsync();
        await using var connector = await ConnectorStub.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.Configure<BotOptions>(o =>
        {
            o.MicrosoftAppType = "SingleTenant";
            o.MicrosoftAppId = AppId;
            o.MicrosoftAppPassword = "s3cret";
            o.MicrosoftAppTenantId = TenantId;
        });
        services.AddBotConnectorClient(new ConfigurationBuilder().Build());
        services.AddHttpClient(MsalHttpClientFactory.ClientName).ConfigurePrimaryHttpMessageHandler(identity.RedirectingPrimaryHandler);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ServiceUrlTrust>().Trust(connector.BaseUrl);

        await provider.GetRequiredService<IConnectorClient>().SendAsync(connector.BaseUrl + "amer/", "a:1", new Activity { Type = ActivityTypes.Message, Text = "Hi" });

        Assert.Equal("Bearer msal-token-1", Assert.Single(connector.Requests).Authorization);
        Assert.Equal(TenantId, Assert.Single(identity.TokenRequests).Tenant);
    }

    [Fact]
    public void IncompleteBotOptionsFailValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.Configure<BotOptions>(o => o.MicrosoftAppType = "SingleTenant");
        services.AddBotConnectorClient(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BotOptions>>().Value);
        Assert.Contains(error.Failures, f => f.Contains("MicrosoftAppTenantId", StringComparison.Ordinal));
    }

    [Fact]
    public void AnInvalidConnectorSectionFailsValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Connector:MaxAttempts"] = "0" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddBotConnectorClient(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorClientOptions>>().Value);
    }

    private static BotOptions Options(string appType, string? appId, string? password, string? tenantId) => new()
    {
        MicrosoftAppType = appType,
        MicrosoftAppId = appId,
        MicrosoftAppPassword = password,
        MicrosoftAppTenantId = tenantId,
    };
}
