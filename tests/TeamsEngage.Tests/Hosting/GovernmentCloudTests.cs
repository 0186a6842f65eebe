using System.Net;
using Microsoft.Extensions.Logging;
using TeamsEngage.Testing.Auth;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Hosting;

/// <summary>
/// The cloud preset decides which channel's tokens the bot accepts. The local issuer stands in for the US Government
/// channel: it publishes the keys (its metadata address replaces the preset's) and signs with the government issuer.
/// </summary>
public sealed class GovernmentCloudTests
{
    [Fact]
    public async Task AGccHighBotAcceptsTheGovernmentChannelsTokensAndRefusesThePublicChannels()
    {
        await using var bot = await BotApplication.StartAsync(Cloud("USGovGccHigh"));
        bot.Issuer.PublishedIssuer = LocalTokenIssuer.USGovChannelIssuer;

        using var government = await PostHelpAsync(bot, LocalTokenIssuer.USGovChannelIssuer);
        using var publicChannel = await PostHelpAsync(bot, LocalTokenIssuer.PublicChannelIssuer);

        Assert.Equal(HttpStatusCode.OK, government.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, publicChannel.StatusCode);
        Assert.Single(bot.SentTo(Persona.Ana));
        Assert.Equal("InvalidIssuer", LastRefusal(bot));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Public")]
    [InlineData("USGovGcc")]
    public async Task ABotOfAPublicChannelCloudRefusesTheGovernmentChannelsTokens(string? cloud)
    {
        await using var bot = await BotApplication.StartAsync(Cloud(cloud));

        using var government = await PostHelpAsync(bot, LocalTokenIssuer.USGovChannelIssuer);
        using var publicChannel = await PostHelpAsync(bot, LocalTokenIssuer.PublicChannelIssuer);

        Assert.Equal(HttpStatusCode.Unauthorized, government.StatusCode);
        Assert.Equal(HttpStatusCode.OK, publicChannel.StatusCode);
        Assert.Equal("InvalidIssuer", LastRefusal(bot));
    }

    [Fact]
    public async Task TheBotFrameworksOwnIssuerKeyOverridesThePreset()
    {
        const string issuer = "https://channel.test.example";
        await using var bot = await BotApplication.StartAsync(new Dictionary<string, string?>(Cloud("USGovGccHigh")) { ["ToBotFromChannelTokenIssuer"] = issuer });

        using var overridden = await PostHelpAsync(bot, issuer);
        using var preset = await PostHelpAsync(bot, LocalTokenIssuer.USGovChannelIssuer);

        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, preset.StatusCode);
    }

    private static Dictionary<string, string?> Cloud(string? name) => new() { ["TeamsEngage:Cloud"] = name };

    private static Task<HttpResponseMessage> PostHelpAsync(BotApplication bot, string issuer)
    {
        var activity = Fixtures.Load("message-personal.json", bot.Connector.BaseUrl, Persona.Ana, new Dictionary<string, string> { ["text"] = "help" });
        var token = bot.Issuer.CreateToken(Fixtures.BotAppId, bot.Connector.BaseUrl, new TokenOptions { Issuer = issuer });
        return bot.PostAsync(activity, authorization: "Bearer " + token);
    }

    private static string? LastRefusal(BotApplication bot) =>
        bot.Logs.GetSnapshot().LastOrDefault(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Inbound request refused", StringComparison.Ordinal))
            ?.StructuredState?.FirstOrDefault(s => s.Key == "Reason").Value;
}
