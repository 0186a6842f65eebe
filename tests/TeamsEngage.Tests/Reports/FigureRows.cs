using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Reporting;
using TeamsEngage.Tests.Support;

namespace TeamsEngage.Tests.Reports;

/// <summary>The stored figure rows of one area around today, as the home district reads them.</summary>
internal sealed record FigureRows(IReadOnlyList<FigureRow> All)
{
    public static async Task<FigureRows> ReadAsync(BotApplication bot, string area)
    {
        using var home = Fixtures.InHomeTenant();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return new FigureRows(await bot.Services.GetRequiredService<FigureStore>().ReadAsync(area, today.AddDays(-1), today.AddDays(1), CancellationToken.None));
    }

    public FigureTotals District => Of("all", "all");

    public FigureTotals Of(string kind, string value) =>
        FigureTotals.Of(All.Where(r => r.Kind == kind && r.Value == value), [.. TicketCounters.Timed, .. NoticeCounters.Timed, .. FeedbackCounters.Timed]);
}
