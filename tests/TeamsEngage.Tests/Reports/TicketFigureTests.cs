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
        Assert.Equal(12, totals.District[TicketFigures.Opened]);
        Assert.Equal(12, totals.Of("dept", "SCI")[TicketFigures.Opened]);
        Assert.Equal(12, totals.Of("urgency", "StoppingClass")[TicketFigures.Opened]);
        Assert.Equal(0, totals.Of("dept", "MAT")[TicketFigures.Opened]);
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
        await bot.ActAsync(Ana, TicketVerbs.Reopen, new { ticketId = id });

        var science = (await TotalsAsync(bot)).Of("dept", "SCI");
        Assert.Equal(1, science[TicketFigures.Opened]);
        Assert.Equal(1, science[TicketFigures.FirstResponse]);
        Assert.Equal(1, science[TicketFigures.Resolved]);
        Assert.Equal(1, science[TicketFigures.PromiseKept]);
        Assert.Equal(0, science[TicketFigures.PromiseMissed]);
        Assert.Equal(1, science[TicketFigures.Rated]);
        Assert.Equal(4, science[TicketFigures.RatingSum]);
        Assert.Equal(1, science[TicketFigures.Reopened]);
        // A response within the minute falls in the first bucket of the histogram.
        Assert.Equal(DurationHistogram.ValueOf(0), science.Percentile(TicketFigures.FirstResponse, 50));
    }

    [Fact]
    public async Task FiguresOfOneDistrictAreNotReadInAnother()
    {
        await using var bot = await StartAsync();
        await bot.ReportAsync(Ana);

        using (Storage.TenantScope.Enter(Fixtures.OtherTenantId))
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Assert.Empty(await bot.Services.GetRequiredService<FigureStore>().ReadAsync(TicketFigures.Area, today.AddDays(-1), today.AddDays(1), CancellationToken.None));
        }
        Assert.Equal(1, (await TotalsAsync(bot)).District[TicketFigures.Opened]);
    }

    private static async Task<Rows> TotalsAsync(BotApplication bot)
    {
        using var home = Fixtures.InHomeTenant();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new Rows(await bot.Services.GetRequiredService<FigureStore>().ReadAsync(TicketFigures.Area, today.AddDays(-1), today.AddDays(1), CancellationToken.None));
    }

    private sealed record Rows(IReadOnlyList<FigureRow> All)
    {
        public FigureTotals District => Of("all", "all");

        public FigureTotals Of(string kind, string value) =>
            FigureTotals.Of(All.Where(r => r.Kind == kind && r.Value == value), TicketFigures.FirstResponse, TicketFigures.Resolved);
    }
}
