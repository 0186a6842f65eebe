using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Hosting;

/// <summary>A bad setting stops the bot when it starts, with a sentence naming the setting; a risky one is said aloud.</summary>
public sealed class StartupSettingsTests
{
    private static readonly Dictionary<string, string?> MultiTenant = new() { ["MicrosoftAppType"] = "MultiTenant" };

    [Theory]
    [InlineData("MicrosoftAppId", "", "MicrosoftAppId is not set. Outside the Development environment the bot needs its identity")]
    [InlineData("TeamsEngage:Privacy:LinkLifetime", "2.00:00:00", "TeamsEngage:Privacy:LinkLifetime must be between one second and one day.")]
    [InlineData("TeamsEngage:Retention:PeopleWhoLeft", "12:00:00", "TeamsEngage:Retention:PeopleWhoLeft must be at least one day.")]
    [InlineData("TeamsEngage:Outbox:RequestsPerSecond", "0", "TeamsEngage:Outbox:RequestsPerSecond must be between 0 (excluded) and 100000.")]
    [InlineData("TeamsEngage:Outbox:LeaseDuration", "00:00:05", "TeamsEngage:Outbox:LeaseDuration must be at least twice SendTimeout plus PollInterval.")]
    [InlineData("Connector:MaxAttempts", "0", "Connector:MaxAttempts must be between 1 and 20.")]
    [InlineData("TeamsEngage:Tickets:GeneralCode", "it", "TeamsEngage:Tickets:GeneralCode must be 2 to 10 capital letters or digits, starting with a letter.")]
    [InlineData("TeamsEngage:Cloud", "Mars", "TeamsEngage:Cloud is 'Mars', which is not a known cloud. Use one of: Public, USGovGcc, USGovGccHigh.")]
    [InlineData("TeamsEngage:Cloud", "USGovDoD", "TeamsEngage:Cloud is 'USGovDoD', but Teams bots are not available in the DoD cloud. Use one of: Public, USGovGcc, USGovGccHigh.")]
    public async Task ABadSettingStopsTheBotAtStartUpNamingTheSetting(string setting, string value, string sentence)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotApplication.StartAsync(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(sentence, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMultiTenantBotThatAcceptsAnyTenantSaysSoWhenItStartsAndOneWithAnAllowListDoesNot()
    {
        await using var anyTenant = await BotApplication.StartAsync(new Dictionary<string, string?>(MultiTenant) { ["TeamsEngage:AllowAnyTenant"] = "true" });
        await using var listed = await BotApplication.StartAsync(new Dictionary<string, string?>(MultiTenant) { ["TeamsEngage:AllowedTenants:0"] = Fixtures.TenantId });

        var warned = anyTenant.Logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.Contains("TeamsEngage:AllowAnyTenant is set: activities from every tenant are accepted, each tenant seeing only its own data.", warned);
        Assert.DoesNotContain(listed.Logs.GetSnapshot(), r => r.Message.Contains("every tenant", StringComparison.Ordinal));
    }
}
