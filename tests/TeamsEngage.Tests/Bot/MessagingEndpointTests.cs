using System.Net;
using System.Text;
using TeamsEngage.Conversations;
using TeamsEngage.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TeamsEngage.Connector.Client;

namespace TeamsEngage.Tests.Bot;

public sealed class MessagingEndpointTests
{
    [Fact]
    public async Task HelpIsAnsweredWithTheHelpCardInThePersonsChat()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostFixtureAsync("message-personal.json", Persona.Ana, Text("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.SentTo(Persona.Ana));
        Assert.Equal("What I can do", SentCards.TitleOf(reply));
        Assert.Equal(Persona.Ana.UserId, reply.Recipient?.Id);
        var request = Assert.Single(bot.Connector.Requests);
        Assert.Equal("Bearer test-outbound-token", request.Authorization);
    }

    [Fact]
    public async Task ASpanishClientGetsTheHelpCardInSpanish()
    {
        await using var bot = await BotApplication.StartAsync();

        await bot.SayAsync(Persona.Carmen, "ayuda");

        var reply = Assert.Single(bot.SentTo(Persona.Carmen));
        Assert.Equal("Lo que puedo hacer", SentCards.TitleOf(reply));
    }

    [Fact]
    public async Task TheBotsMentionIsStrippedFromAChannelMessage()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostFixtureAsync("message-channel-mention.json", Persona.Ana, Text("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.Connector.SentActivities);
        Assert.Equal("19:science-it@thread.tacv2;messageid=1700000000002", reply.Conversation?.Id);
        Assert.Equal("What I can do", SentCards.TitleOf(reply));
    }

    [Fact]
    public async Task UnknownTextGetsAPointerToHelp()
    {
        await using var bot = await BotApplication.StartAsync();

        await bot.SayAsync(Persona.Ana, "the projector in room 12 looks new");

        var reply = Assert.Single(bot.SentTo(Persona.Ana));
        Assert.Contains("help", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("projector", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedCommandSuggestsTheClosestOne()
    {
        await using var bot = await BotApplication.StartAsync();

        await bot.SayAsync(Persona.Ana, "hlep");

        var reply = Assert.Single(bot.SentTo(Persona.Ana));
        Assert.Contains("Did you mean **help**?", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallingTheAppWelcomesThePersonExactlyOnce()
    {
        await using var bot = await BotApplication.StartAsync();

        using var install = await bot.PostFixtureAsync("installation-add.json", Persona.Ana);
        using var update = await bot.PostFixtureAsync("conversation-update-bot-added.json", Persona.Ana);

        Assert.Equal(HttpStatusCode.OK, install.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await bot.Connector.WaitForActivitiesAsync(Persona.Ana.ConversationId);
        // Long enough for a second welcome to have gone out through the outbox, were one queued.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var welcome = Assert.Single(bot.SentTo(Persona.Ana));
        Assert.Equal("Welcome to TeamsEngage", SentCards.TitleOf(welcome));
    }

    [Fact]
    public async Task TheWelcomeCardsButtonAnswersWithTheHelpCard()
    {
        await using var bot = await BotApplication.StartAsync();

        var body = await bot.ExecuteAsync(Persona.Ana, "help.show");

        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("What I can do", SentCards.TitleOf(body["value"]!));
    }

    [Fact]
    public async Task AButtonWithAnUnknownVerbGetsAPoliteMessage()
    {
        await using var bot = await BotApplication.StartAsync();

        var body = await bot.ExecuteAsync(Persona.Ana, "tickets.delete-everything");

        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("This button is no longer available. Type **help** to see what I can do.", body["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvokeWithoutAnActionIsABadRequest()
    {
        await using var bot = await BotApplication.StartAsync();
        var node = Fixtures.LoadNode("invoke-card-action.json", bot.Connector.BaseUrl, Persona.Ana);
        node["value"] = new System.Text.Json.Nodes.JsonObject { ["trigger"] = "manual" };

        using var response = await bot.PostAsync(node.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"statusCode\":400", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvokeWithoutAHandlerIsAnswered501()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostFixtureAsync("invoke-unhandled.json", Persona.Ana);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AnActivityTypeWithoutAHandlerIsAcknowledgedAndIgnored()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostFixtureAsync("message-reaction.json", Persona.Ana);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"text\":\"no type\",\"serviceUrl\":\"http://127.0.0.1/\",\"conversation\":{\"id\":\"a:1\"}}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"}}")]
    public async Task AMalformedBodyIsRefusedWith400AndChangesNothing(string body)
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostAsync(body, authorization: "Bearer x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AnOversizedBodyIsRefusedWith413()
    {
        await using var bot = await BotApplication.StartAsync();
        var node = Fixtures.LoadNode("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, Text(new string('x', 300 * 1024)));

        using var response = await bot.PostAsync(node.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task ARequestWithoutATokenIsRefusedWith401AndNothingIsStored()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.PostAsync(Fixtures.Load("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, Text("help")), authenticated: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.Empty(bot.Connector.Requests);
        Assert.Null(await bot.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(Persona.Ana.UserId, default));
    }

    [Fact]
    public async Task ATokenIssuedForAnotherServiceUrlIsRefused()
    {
        await using var bot = await BotApplication.StartAsync();
        var token = bot.Issuer.CreateToken(Fixtures.BotAppId, "https://smba.trafficmanager.net/amer/");

        using var response = await bot.PostAsync(Fixtures.Load("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, Text("help")), authorization: "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task AnActivityFromAnotherTenantIsRefused()
    {
        await using var bot = await BotApplication.StartAsync();
        var node = Fixtures.LoadNode("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, Text("help"));
        node["channelData"]!["tenant"]!["id"] = "0d6f3f7e-0000-4000-8000-000000000bad";

        using var response = await bot.PostAsync(node.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Connector.Requests);
        Assert.Null(await bot.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(Persona.Ana.UserId, default));
    }

    [Fact]
    public async Task OnlyPostIsAccepted()
    {
        await using var bot = await BotApplication.StartAsync();

        using var response = await bot.Http.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task EveryoneWhoWritesHasTheirConversationReferenceStored()
    {
        await using var bot = await BotApplication.StartAsync();

        await bot.SayAsync(Persona.Ana, "help");

        var reference = await bot.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(Persona.Ana.UserId, default);
        Assert.NotNull(reference);
        Assert.Equal(Persona.Ana.ConversationId, reference.ConversationId);
        Assert.Equal(bot.Connector.BaseUrl, reference.ServiceUrl);
        Assert.Equal(Fixtures.TenantId, reference.TenantId);
        Assert.Equal(Persona.Ana.AadObjectId, reference.AadObjectId);
        Assert.Equal("28:" + Fixtures.BotAppId, reference.BotId);
        Assert.Equal("America/Chicago", reference.TimeZone);
    }

    [Fact]
    public async Task AFailingConnectorGivesTheCallerA200AndLogsTheFailure()
    {
        await using var bot = await BotApplication.StartAsync();
        bot.Connector.Enqueue(Testing.Connector.ConnectorRoute.Send, Testing.Connector.StubReply.Status(404), times: 5);

        using var response = await bot.PostFixtureAsync("message-personal.json", Persona.Ana, Text("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Connector.SentActivities);
        var errors = bot.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        // The help reply failed, and so did the apology sent after it: both are logged with the connector's answer.
        var failed = Assert.Single(errors, r => r.Message.StartsWith("Handler for message ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<ConnectorException>(failed.Exception).StatusCode);
        var apology = Assert.Single(errors, r => r.Message.StartsWith("Handler for error-reply ", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, Assert.IsType<ConnectorException>(apology.Exception).StatusCode);
        Assert.Equal(2, bot.Connector.RequestsWhere(r => r.ConversationId == Persona.Ana.ConversationId && r.ResponseStatus == 404).Count);
    }

    private static Dictionary<string, string> Text(string text) => new() { ["text"] = text };
}
