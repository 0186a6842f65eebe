using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Connector.Client;
using TeamsEngage.Testing.Auth;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Storage;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// The whole bot in a test host, configured as in production (an app id, tokens checked against a local issuer,
/// tenant allow-list), with an embedded store in a temporary folder and a connector stub over real HTTP on 127.0.0.1.
/// Each test starts its own.
/// </summary>
public sealed class BotApplication : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private readonly TemporaryDirectory _data;

    private BotApplication(WebApplicationFactory<Program> factory, TemporaryDirectory data, LocalTokenIssuer issuer, ConnectorStub connector)
    {
        _factory = factory;
        _data = data;
        Issuer = issuer;
        Connector = connector;
        Http = factory.CreateClient();
    }

    public LocalTokenIssuer Issuer { get; }

    public ConnectorStub Connector { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public string DataDirectory => _data.Path;

    /// <summary>Starts the bot. <paramref name="settings"/> adds or overrides configuration keys.</summary>
    public static async Task<BotApplication> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Production")
    {
        var issuer = await LocalTokenIssuer.StartAsync();
        var connector = await ConnectorStub.StartAsync();
        var data = new TemporaryDirectory();
        var config = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = Fixtures.BotAppId,
            ["MicrosoftAppPassword"] = "not-used-the-token-provider-is-replaced",
            ["MicrosoftAppTenantId"] = Fixtures.TenantId,
            ["ToBotFromChannelOpenIdMetadataUrl"] = issuer.MetadataUrl,
            ["Storage:DataDirectory"] = data.Path,
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(environment);
            foreach (var (key, value) in config)
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(services =>
            {
                services.RemoveAll<IBotTokenProvider>();
                services.AddSingleton<IBotTokenProvider>(new StaticTokenProvider());
            });
        });
        var app = new BotApplication(factory, data, issuer, connector);
        _ = app.Services; // builds and starts the host now, so start-up failures surface here
        return app;
    }

    /// <summary>Posts an activity to /api/messages with a valid channel token (or none, or the given header).</summary>
    public async Task<HttpResponseMessage> PostAsync(string activityJson, bool authenticated = true, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activityJson, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (authenticated)
        {
            var serviceUrl = JsonNode.Parse(activityJson)?["serviceUrl"]?.GetValue<string>() ?? Connector.BaseUrl;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.CreateToken(Fixtures.BotAppId, serviceUrl));
        }
        return await Http.SendAsync(request);
    }

    /// <summary>Posts a fixture for <paramref name="persona"/> and returns the response.</summary>
    public Task<HttpResponseMessage> PostFixtureAsync(string fixture, Persona persona, IReadOnlyDictionary<string, string>? values = null) =>
        PostAsync(Fixtures.Load(fixture, Connector.BaseUrl, persona, values));

    /// <summary>Sends a chat message from <paramref name="persona"/> and expects 200.</summary>
    public async Task SayAsync(Persona persona, string text)
    {
        using var response = await PostFixtureAsync("message-personal.json", persona, new Dictionary<string, string> { ["text"] = text });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Presses an Action.Execute button as <paramref name="persona"/>; returns the invoke response body.</summary>
    public async Task<JsonObject> ExecuteAsync(Persona persona, string verb, object? data = null, string replyToId = "1700000000900")
    {
        var node = Fixtures.LoadNode("invoke-card-action.json", Connector.BaseUrl, persona, new Dictionary<string, string>
        {
            ["verb"] = verb,
            ["data"] = System.Text.Json.JsonSerializer.Serialize(data ?? new { }),
        });
        node["replyToId"] = replyToId;
        using var response = await PostAsync(node.ToJsonString());
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The messages the bot sent to <paramref name="persona"/>'s 1:1 chat so far.</summary>
    public IReadOnlyList<Connector.Schema.Activity> SentTo(Persona persona) =>
        [.. Connector.SentActivities.Where(a => a.Conversation?.Id == persona.ConversationId)];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
        _data.Dispose();
    }

    private sealed class StaticTokenProvider : IBotTokenProvider
    {
        public bool HasCredentials => true;

        public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>("test-outbound-token");
    }
}
