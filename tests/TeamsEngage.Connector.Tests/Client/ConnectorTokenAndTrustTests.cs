using System.Net;
using Microsoft.Extensions.Options;
using TeamsEngage.Connector.Client;
using TeamsEngage.Connector.Hosting;
using TeamsEngage.Connector.Schema;
using TeamsEngage.Testing.Connector;

namespace TeamsEngage.Connector.Tests.Client;

public sealed class ConnectorTokenAndTrustTests
{
    private const string Conversation = "a:1personal";

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Notice" };

    [Fact]
    public async Task UnauthorizedTriggersOneForcedTokenRefreshAndOneRetry()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Status(401));

        await harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message());

        Assert.Equal(["Bearer token-1", "Bearer token-2"], harness.Stub.Requests.Select(r => r.Authorization));
        Assert.Equal(1, harness.Tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task UnauthorizedAgainAfterTheRefreshFails()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Stub.Enqueue(ConnectorRoute.Send, StubReply.Status(401), times: 5);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, harness.Stub.Requests.Count);
        Assert.Equal(1, harness.Tokens.ForcedRefreshes);
    }

    [Fact]
    public async Task AnUntrustedServiceUrlIsRefusedBeforeAnythingIsSent()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustStub: false);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.Stub.BaseUrl, Conversation, Message()));

        Assert.Equal(ConnectorErrorCodes.UntrustedServiceUrl, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Empty(harness.Stub.Requests);
        Assert.Equal(0, harness.Tokens.Calls);
    }

    [Fact]
    public async Task TrustingTheServiceUrlOfAnAuthenticatedActivityLetsTheTokenThrough()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustStub: false);
        var serviceUrl = harness.Stub.BaseUrl + "amer/";
        await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(serviceUrl, Conversation, Message()));

        harness.Trust.Trust(serviceUrl);
        await harness.Client.SendAsync(harness.Stub.BaseUrl + "emea/", Conversation, Message());

        Assert.Equal("Bearer token-1", Assert.Single(harness.Stub.Requests).Authorization);
    }

    [Fact]
    public async Task AnonymousModeSendsNoAuthorizationHeader()
    {
        await using var harness = await ConnectorHarness.StartAsync(tokens: new FakeTokenProvider(hasCredentials: false), trustStub: false);

        await harness.Client.SendAsync(harness.Stub.BaseUrl + "_connector", Conversation, Message());

        var request = Assert.Single(harness.Stub.Requests);
        Assert.Null(request.Authorization);
        Assert.Equal("/_connector/v3/conversations/a%3A1personal/activities", request.RawPath);
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("v3/conversations")]
    [InlineData("")]
    public async Task AServiceUrlThatIsNotHttpsOrLoopbackIsRejected(string serviceUrl)
    {
        await using var harness = await ConnectorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(serviceUrl, Conversation, Message()));

        Assert.Equal(ConnectorErrorCodes.InvalidServiceUrl, error.ErrorCode);
        Assert.False(error.IsTransient);
        Assert.Equal(0, harness.Tokens.Calls);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net/teams")]
    [InlineData("https://SMBA.trafficmanager.net/amer-client-ss.msg/")]
    public void ThePublicCloudsTeamsServiceUrlsAreTrustedByDefault(string serviceUrl) =>
        Assert.True(new ServiceUrlTrust(BotCloud.Public).IsTrusted(serviceUrl));

    [Theory]
    [InlineData("Public", "https://smba.trafficmanager.net/amer/", "https://smba.infra.gcc.teams.microsoft.com/gcc")]
    [InlineData("USGovGcc", "https://smba.infra.gcc.teams.microsoft.com/gcc", "https://smba.trafficmanager.net/amer/")]
    [InlineData("USGovGccHigh", "https://smba.infra.gov.teams.microsoft.us/gcch", "https://smba.trafficmanager.net/amer/")]
    [InlineData("USGovGccHigh", "https://smba.infra.gov.teams.microsoft.us/gcch", "https://smba.infra.gcc.teams.microsoft.com/gcc")]
    public void EachCloudTrustsItsOwnTeamsServiceHostAndNoOtherCloudsByDefault(string cloud, string own, string other)
    {
        var trust = new ServiceUrlTrust(Options.Create(new BotOptions { Cloud = cloud }));

        Assert.True(trust.IsTrusted(own));
        Assert.False(trust.IsTrusted(other));
    }

    [Theory]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    [InlineData("https://smba.trafficmanager.net:8443/amer/")]
    [InlineData("https://smba.trafficmanager.net.example.com/amer/")]
    [InlineData("https://attacker.example/amer/")]
    [InlineData("http://127.0.0.1:3978/")]
    public void OtherServiceUrlsAreNotTrustedByDefault(string serviceUrl) =>
        Assert.False(new ServiceUrlTrust(BotCloud.Public).IsTrusted(serviceUrl));

    [Fact]
    public void PlainHttpCanBeTrustedOnlyOnLoopback()
    {
        var trust = new ServiceUrlTrust(BotCloud.Public);

        Assert.False(trust.Trust("http://connector.example/amer/"));
        Assert.False(trust.IsTrusted("http://connector.example/amer/"));
        Assert.True(trust.Trust("http://127.0.0.1:56150/_connector"));
        Assert.True(trust.IsTrusted("http://127.0.0.1:56150/other/"));
        Assert.False(trust.IsTrusted("http://127.0.0.1:56151/_connector"));
        Assert.True(trust.Trust("https://connector.example/amer/"));
        Assert.True(trust.IsTrusted("https://connector.example/emea/"));
    }
}
