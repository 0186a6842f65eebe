using TeamsEngage.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TeamsEngage.Bot;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Storage;

namespace TeamsEngage.Tests.Tickets;

public sealed class TicketsFeatureTests
{
    [Theory]
    [InlineData("DefaultResponseHours", "0", "TeamsEngage:Tickets:DefaultResponseHours must be between 1 and 720.")]
    [InlineData("EscalationInterval", "00:00:00", "TeamsEngage:Tickets:EscalationInterval must be between 00:00:01 and 1.00:00:00.")]
    [InlineData("GeneralCode", "general", "TeamsEngage:Tickets:GeneralCode must be 2 to 10 capital letters or digits, starting with a letter.")]
    public void ABadTicketsSettingIsRefusedNamingItsFullKey(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"{TicketsOptions.Section}:{key}"] = value }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTickets().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TicketsOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsFiledAtTheSameMomentGetDistinctConsecutiveIds()
    {
        await using var bot = await TicketWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        var ids = bot.Services.GetRequiredService<TicketIdAllocator>();

        var allocated = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => ids.NextAsync("sci", CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 12).Select(n => TicketIdAllocator.Format("SCI", n)), allocated.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ATicketThatKeptChangingAnswersChangedMeanwhile()
    {
        var contended = new UpdateResult<Ticket, TicketChange>(null, null, null, UpdateOutcome.Contended);

        Assert.Same(CardActionResult.ChangedMeanwhile, contended.Unanswered());
    }
}
