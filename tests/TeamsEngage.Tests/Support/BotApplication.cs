using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Testing.Auth;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Hosting;

namespace TeamsEngage.Tests.Support;

/// <summary>
/// The whole bot in a test host, configured as in production (an app id, tokens checked against a local issuer,
/// tenant allow-list), with an embedded store in a temporary folder and a connector stub over real HTTP on 127.0.0.1.
/// Each test starts its own.
/// </summary>
public sealed class BotApplication : IAsyncDisposable
{
    private readonly TestBotHost<Program> _host;

    private BotApplication(TestBotHost<Program> host, LocalTokenIssuer issuer, ConnectorStub connector)
    {
        _host = host;
        Issuer = issuer;
        Connector = connector;
        Http = host.CreateClient();
        Plain = host.CreatePlainClient();
    }

    public LocalTokenIssuer Issuer { get; }

    public ConnectorStub Connector { get; }

    public HttpClient Http { get; }

    /// <summary>Where a browser reaches the bot, when started with <c>loopback</c>: a real socket on 127.0.0.1.</summary>
    public Uri? BaseAddress => _host.BaseAddress;

    /// <summary>A client that follows no redirect and keeps no cookie (the caller reads and sends them).</summary>
    public HttpClient Plain { get; }

    public IServiceProvider Services => _host.Services;

    public string DataDirectory => _host.DataDirectory;

    /// <summary>Every log record the bot has written so far.</summary>
    public Microsoft.Extensions.Logging.Testing.FakeLogCollector Logs => _host.Logs;

    /// <summary>
    /// Starts the bot. <paramref name="settings"/> adds or overrides configuration keys; <paramref name="services"/>
    /// replaces services; <paramref name="dataDirectory"/> shares a store with another instance; <paramref name="clock"/>
    /// replaces the bot's and the token issuer's clock.
    /// </summary>
    public static async Task<BotApplication> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string environment = "Production",
        Action<IServiceCollection>? services = null,
        string? dataDirectory = null,
        TimeProvider? clock = null,
        bool loopback = false)
    {
        // With a clock, the bot and the token issuer share it, so tokens are fresh at whatever date the test sets.
        var issuer = await LocalTokenIssuer.StartAsync(clock);
        var connector = await ConnectorStub.StartAsync();
        var builder = TestBotHost.For<Program>()
            .InEnvironment(environment)
            .WithBotIdentity(Fixtures.BotAppId, Fixtures.TenantId, issuer.MetadataUrl)
            .WithSettings(new Dictionary<string, string?>
            {
                ["Connector:BaseDelay"] = "00:00:00.010",
                ["Connector:MaxDelay"] = "00:00:00.050",
            })
            .WithSettings(settings)
            .WithServices(collection =>
            {
                if (clock is not null)
                {
                    collection.RemoveAll<TimeProvider>();
                    collection.AddSingleton(clock);
                }
                services?.Invoke(collection);
            });
        if (loopback)
        {
            builder = builder.OnLoopbackSocket();
        }
        var host = (dataDirectory is null ? builder : builder.OnDataDirectory(dataDirectory)).Start();
        return new BotApplication(host, issuer, connector);
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
        Plain.Dispose();
        await _host.DisposeAsync();
        await Connector.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
