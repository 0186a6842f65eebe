using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Features.Privacy;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Outbox;
using TeamsEngage.People;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Storage;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Privacy.PrivacyWorld;

namespace TeamsEngage.Tests.Privacy;

public sealed class RetentionTests
{
    [Fact]
    public async Task TheSweepRemovesExactlyWhatIsPastItsPeriodAndKeepsTheRest()
    {
        var (bot, clock) = await StartAsync();
        await using var _bot = bot;
        using var home = Fixtures.InHomeTenant();
        var t0 = clock.GetUtcNow();
        var pollId = await bot.SendNamedPollAsync();
        await bot.VoteAsync(Carmen, pollId, "1");
        await bot.ExecuteAsync(Ana, PollVerbs.Close, new { pollId });
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await Eventually.TrueAsync(async () => await outbox.ReadDeliveriesAsync(pollId).AllAsync(d => d.Status != DeliveryStatus.Pending), "the poll to be delivered");
        var resolved = await bot.FileTicketAsync(Carmen, "1700000000901");
        var open = await bot.FileTicketAsync(Dan, "1700000000902");
        await bot.ExecuteAsync(Ben, TicketVerbs.Claim, new { ticketId = resolved });
        await bot.ExecuteAsync(Ben, TicketVerbs.Resolve, new { ticketId = resolved, resolution = "Replaced the cable." });
        await bot.UninstallAsync(Gus);

        await SweepAtAsync(bot, clock, t0.AddDays(29));
        Assert.NotEqual(0, await outbox.ReadDeliveriesAsync(pollId).CountAsync());

        await SweepAtAsync(bot, clock, t0.AddDays(31));
        Assert.Equal(0, await outbox.ReadDeliveriesAsync(pollId).CountAsync());
        Assert.NotNull(await bot.TicketAsync(resolved));
        Assert.NotNull(await FindAsync(bot, Gus));

        await SweepAtAsync(bot, clock, t0.AddDays(89));
        Assert.NotNull(await FindAsync(bot, Gus));
        await SweepAtAsync(bot, clock, t0.AddDays(91));
        Assert.Null(await FindAsync(bot, Gus));
        Assert.NotNull(await FindAsync(bot, Carmen));

        var votes = bot.Services.GetRequiredService<VoteStore>();
        await SweepAtAsync(bot, clock, t0.AddDays(364));
        Assert.Single(await votes.ReadNamedAsync(pollId, CancellationToken.None));
        await SweepAtAsync(bot, clock, t0.AddDays(366));
        Assert.Empty(await votes.ReadNamedAsync(pollId, CancellationToken.None));
        Assert.Equal(PollStatus.Closed, (await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None))!.Status);

        await SweepAtAsync(bot, clock, t0.AddDays(729));
        Assert.NotNull(await bot.TicketAsync(resolved));
        await SweepAtAsync(bot, clock, t0.AddDays(731));
        Assert.Null(await bot.TicketAsync(resolved));
        Assert.NotNull(await bot.TicketAsync(open));

        var audit = bot.Services.GetRequiredService<DirectoryAudit>();
        await SweepAtAsync(bot, clock, t0.AddDays(1094));
        Assert.Contains(await audit.ListAsync(CancellationToken.None), e => e.At == t0);
        await SweepAtAsync(bot, clock, t0.AddDays(1096));
        var left = await audit.ListAsync(CancellationToken.None);
        Assert.DoesNotContain(left, e => e.At < t0.AddDays(1));
        Assert.Contains(left, e => e.Action == "retention.swept" && e.At == t0.AddDays(731));
    }

    [Fact]
    public async Task TwoInstancesOnOneStoreSweepEveryTenantOnceADay()
    {
        using var data = new TemporaryDirectory();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        void Clock(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Privacy:SweepInterval"] = "1.00:00:00" };
        await using var first = await BotApplication.StartAsync(settings, services: Clock, dataDirectory: data.Path);
        await using var second = await BotApplication.StartAsync(settings, services: Clock, dataDirectory: data.Path);
        string[] tenants = [Fixtures.TenantId, Fixtures.OtherTenantId];
        foreach (var tenant in tenants)
        {
            await first.Services.GetRequiredService<TenantRegistry>().RecordAsync(tenant, CancellationToken.None);
        }
        var day = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero);

        var runs = await Task.WhenAll(
            first.Services.GetRequiredService<RetentionSweep>().RunAsync(day, CancellationToken.None),
            second.Services.GetRequiredService<RetentionSweep>().RunAsync(day.AddMinutes(5), CancellationToken.None));
        var again = await first.Services.GetRequiredService<RetentionSweep>().RunAsync(day.AddHours(1), CancellationToken.None);
        var nextDay = await second.Services.GetRequiredService<RetentionSweep>().RunAsync(day.AddDays(1), CancellationToken.None);

        Assert.Contains(runs, r => r is not null);
        Assert.Null(again);
        Assert.NotNull(nextDay);
        foreach (var tenant in tenants)
        {
            using (TenantScope.Enter(tenant))
            {
                var sweeps = (await first.Services.GetRequiredService<DirectoryAudit>().ListAsync(CancellationToken.None)).Where(e => e.Action == "retention.swept").ToList();
                Assert.Equal(2, sweeps.Count);
            }
        }
    }

    [Fact]
    public async Task RetentionPeriodsShorterThanADayStopTheStart()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => BotApplication.StartAsync(new Dictionary<string, string?> { ["TeamsEngage:Retention:ClosedTickets"] = "00:10:00" }));

        Assert.Contains("TeamsEngage:Retention:ClosedTickets", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Moves the clock to <paramref name="at"/>; the sweep's own timer runs that day's sweep, which the audit records.</summary>
    private static async Task SweepAtAsync(BotApplication bot, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, DateTimeOffset at)
    {
        clock.SetUtcNow(at);
        var day = at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var audit = bot.Services.GetRequiredService<DirectoryAudit>();
        await Eventually.TrueAsync(
            async () => (await audit.ListAsync(CancellationToken.None)).Any(e => e.Action == "retention.swept" && e.Subject == day),
            $"the sweep of {day}");
        Assert.Null(await bot.Services.GetRequiredService<RetentionSweep>().RunAsync(at, CancellationToken.None));
    }

    private static Task<Person?> FindAsync(BotApplication bot, Persona persona) =>
        bot.Services.GetRequiredService<IPeopleDirectory>().FindAsync(DirectorySeeding.KeyOf(persona));
}
