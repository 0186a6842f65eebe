using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Features.Polls;
using TeamsEngage.Links;
using TeamsEngage.Storage;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Links;

/// <summary>
/// Links sent to people reach the bot and cannot be forged: the public address and the signing keys are checked when
/// the bot starts, and the key can live in configuration, outside the store.
/// </summary>
public sealed class PublicLinkStartupTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Theory]
    [InlineData("", "is required outside Development")]
    [InlineData("http://bot.example.org", "must use https")]
    [InlineData("https://127.0.0.1:3978", "loopback")]
    [InlineData("https://localhost", "loopback")]
    [InlineData("https://[::1]/", "loopback")]
    [InlineData("https://bot.example.org/?x=1", "without query")]
    [InlineData("bot.example.org", "must be an absolute")]
    public async Task AProductionBotRefusesToStartWithoutAPublicHttpsAddressPeopleCanReach(string publicBaseUrl, string explanation)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:PublicBaseUrl"] = publicBaseUrl }));

        Assert.Contains("TeamsEngage:PublicBaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains(explanation, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopmentTheBotStartsWithoutAPublicAddressAndLinksPointAtTheLocalOne()
    {
        await using var bot = await BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:PublicBaseUrl"] = "" }, environment: "Development");
        using var home = Fixtures.InHomeTenant();

        var link = await bot.Services.GetRequiredService<PollLinks>().ExportLinkAsync("p1", CancellationToken.None);

        Assert.StartsWith("http://127.0.0.1:3978/polls/p1/export.csv?", link.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExportLinkIsBuiltOnTheConfiguredPublicAddressAndItsPathPrefix()
    {
        await using var bot = await BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:PublicBaseUrl"] = "https://it.district.example/teamsengage/" });
        using var home = Fixtures.InHomeTenant();

        var link = await bot.Services.GetRequiredService<PollLinks>().ExportLinkAsync("p1", CancellationToken.None);

        Assert.StartsWith("https://it.district.example/teamsengage/polls/p1/export.csv?tenant=", link.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TeamsEngage:LinkSigningKey", "not base64!")]
    [InlineData("TeamsEngage:LinkSigningKey", "c2hvcnQ=")]
    [InlineData("TeamsEngage:Polls:VoterKeyPepper", "c2hvcnQ=")]
    [InlineData("TeamsEngage:Polls:VoterKeyPepper", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gIQ")]
    public async Task AKeyThatIsNotBase64OfThirtyTwoBytesStopsTheStart(string setting, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotApplication.StartAsync(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains("must be base64 of at least 32 bytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredSigningKeyStaysOutOfTheStoreAndEveryInstanceWithItAcceptsTheLink()
    {
        var keyed = new Dictionary<string, string?> { ["TeamsEngage:LinkSigningKey"] = Key };
        await using var first = await BotApplication.StartAsync(keyed);
        await using var second = await BotApplication.StartAsync(keyed);
        await using var unkeyed = await BotApplication.StartAsync();
        Uri link;
        using (Fixtures.InHomeTenant())
        {
            link = await first.Services.GetRequiredService<PollLinks>().ExportLinkAsync("0123456789abcdef0123456789abcdef", CancellationToken.None);
        }

        // The second instance has its own, empty store: only the shared key can make it accept the first one's link.
        using var sameKey = await second.Http.GetAsync(link.PathAndQuery);
        using var otherKey = await unkeyed.Http.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, sameKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherKey.StatusCode);
        Assert.Null(await first.Services.GetRequiredService<ITableStore>().Table(SignedLinks.SettingsTable).GetAsync("settings", "linkKey"));
    }

    [Fact]
    public async Task ASignatureForOnePageOpensNoOtherPage()
    {
        await using var bot = await BotApplication.StartAsync();
        var links = bot.Services.GetRequiredService<SignedLinks>();
        var signed = await links.CreateAsync("/polls/a/export.csv", [new("tenant", Fixtures.TenantId)], TimeSpan.FromMinutes(5), CancellationToken.None);
        var query = System.Web.HttpUtility.ParseQueryString(signed.Query);

        Assert.True(await links.IsValidAsync("/polls/a/export.csv", [new("tenant", Fixtures.TenantId)], query["exp"], query["sig"], CancellationToken.None));
        Assert.False(await links.IsValidAsync("/polls/b/export.csv", [new("tenant", Fixtures.TenantId)], query["exp"], query["sig"], CancellationToken.None));
        Assert.False(await links.IsValidAsync("/privacy/exports/a", [new("tenant", Fixtures.TenantId)], query["exp"], query["sig"], CancellationToken.None));
        Assert.False(await links.IsValidAsync("/polls/a/export.csv", [new("tenant", Fixtures.OtherTenantId)], query["exp"], query["sig"], CancellationToken.None));
        Assert.False(await links.IsValidAsync("/polls/a/export.csv", [], query["exp"], query["sig"], CancellationToken.None));
    }

    [Fact]
    public async Task AProductionBotWithoutAVoterKeyPepperSaysSoWhenItStarts()
    {
        await using var plain = await BotApplication.StartAsync();
        await using var peppered = await BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:Polls:VoterKeyPepper"] = Key, ["TeamsEngage:LinkSigningKey"] = Key });

        var warned = plain.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Contains(warned, m => m.Contains("TeamsEngage:Polls:VoterKeyPepper is not set", StringComparison.Ordinal));
        Assert.Contains(plain.Logs.GetSnapshot(), r => r.Message.Contains("TeamsEngage:LinkSigningKey is not set", StringComparison.Ordinal));
        Assert.DoesNotContain(peppered.Logs.GetSnapshot(), r => r.Message.Contains("VoterKeyPepper", StringComparison.Ordinal) || r.Message.Contains("LinkSigningKey", StringComparison.Ordinal));
    }
}
