using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Reporting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>The ticket figures the reports read are counted as tickets move, exactly, even under parallel presses.</summary>
public sealed class TicketFigureTests
{
    [Fact]
    public async Task TwelveReportsSentAtOnceAreTwelveOpenedTicketsInTheDepartmentAndTheDistrict()
    {
        await using var bot = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => bot.ReportAsync(Ana, $"Printer {i} jams", formActivityId: $"17000000010{i:D2}")));

        var totals = await TotalsAsync(bot);
        Assert.Equal(12, totals.District[TicketCounters.Opened]);
        Assert.Equal(12, totals.Of("dept", "SCI")[TicketCounters.Opened]);
        Assert.Equal(12, totals.Of("urgency", "StoppingClass")[TicketCounters.Opened]);
        Assert.Equal(0, totals.Of("dept", "MAT")[TicketCounters.Opened]);
    }

    [Fact]
    public async Task AClaimAReplyAResolutionARatingAndAReopeningAreEachCountedOnce()
    {
        await using var bot = await StartAsync();
        var id = await bot.ReportAsync(Ana);

        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = id });
        await bot.ActAsync(Ben, TicketVerbs.Reply, new { ticketId = id, replyText = "Is it plugged in?" });
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = id, resolution = "Plugged it in." });
        await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "4" });
        await bot.ActAsync(Ana, TicketVerbs.Rate, new { ticketId = id, rating = "2" });
        await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = id, reason = "It is back." });

        var science = (await TotalsAsync(bot)).Of("dept", "SCI");
        Assert.Equal(1, science[TicketCounters.Opened]);
        Assert.Equal(1, science[TicketCounters.FirstResponse]);
        Assert.Equal(1, science[TicketCounters.Resolved]);
        Assert.Equal(1, science[TicketCounters.PromiseKept]);
        Assert.Equal(0, science[TicketCounters.PromiseMissed]);
        Assert.Equal(1, science[TicketCounters.Rated]);
        Assert.Equal(4, science[TicketCounters.RatingSum]);
        Assert.Equal(1, science[TicketCounters.Reopened]);
        // A response within the minute falls in the first bucket of the histogram.
        Assert.Equal(DurationHistogram.ValueOf(0), science.Percentile(TicketCounters.FirstResponse, 50));
    }

    [Fact]
    public async Task FiguresOfOneDistrictAreNotReadInAnother()
    {
        await using var bot = await StartAsync();
        await bot.ReportAsync(Ana);

        using (Storage.TenantScope.Enter(Fixtures.OtherTenantId))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Empty(await bot.Services.GetRequiredService<FigureStore>().ReadAsync(TicketCounters.Area, today.AddDays(-1), today.AddDays(1), CancellationToken.None));
        }
        Assert.Equal(1, (await TotalsAsync(bot)).District[TicketCounters.Opened]);
    }

    private static Task<FigureRows> TotalsAsync(BotApplication bot) => FigureRows.ReadAsync(bot, TicketCounters.Area);
}
