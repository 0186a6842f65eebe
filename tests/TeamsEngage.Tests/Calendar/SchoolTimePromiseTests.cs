using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// Science promises 4 school hours; the default calendar is Monday to Friday, 07:30–16:00 in New York; the liaison is
/// reminded 30 school minutes before the promise runs out.
/// </summary>
public sealed class SchoolTimePromiseTests
{
    private static readonly CalendarBreak WinterBreak = new("Winter break", new DateOnly(2026, 12, 21), new DateOnly(2026, 12, 25));

    [Fact]
    public async Task AReportAtThreeOnFridayBeforeAWeeksBreakIsDueAfterTheBreakNotOnSaturday()
    {
        var friday = InNewYork(2026, 12, 18, 15);
        var (bot, _) = await StartAsync(friday);
        await using var _bot = bot;
        await bot.ChangeCalendarAsync(c => c with { Breaks = [WinterBreak] }, friday);

        var (id, card) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);

        using var home = Fixtures.InHomeTenant();
        var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        Assert.Equal(InNewYork(2026, 12, 28, 10, 30), ticket.DueAt);
        Assert.Equal(ticket.DueAt, ticket.NextEscalationAt);
        Assert.Contains("Mon 28 Dec, 10:30", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReminderOrEscalationFiresOverTheWeekendOrTheBreakAndEachFiresAtItsSchoolTimeInstant()
    {
        var friday = InNewYork(2026, 12, 18, 15);
        var (bot, clock) = await StartAsync(friday);
        await using var _bot = bot;
        await bot.ChangeCalendarAsync(c => c with { Breaks = [WinterBreak] }, friday);
        var (id, _) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);
        var escalation = bot.Services.GetRequiredService<TicketEscalation>();
        // The sweeps below are told the instant; the outbox paces its sends on the same fake clock, so it keeps ticking.
        await using var ticking = Ticking(clock);

        foreach (var quiet in new[] { InNewYork(2026, 12, 18, 15, 59), InNewYork(2026, 12, 18, 16), InNewYork(2026, 12, 19, 10), InNewYork(2026, 12, 22, 10, 30), InNewYork(2026, 12, 27, 23, 59), InNewYork(2026, 12, 28, 9, 59) })
        {
            Assert.Equal(0, await escalation.SweepAsync(quiet, CancellationToken.None));
        }
        Assert.Equal(1, await escalation.SweepAsync(InNewYork(2026, 12, 28, 10), CancellationToken.None));
        await bot.WaitForSentAsync(TicketWorld.Ben, $"Reminder: {id} must be claimed soon");

        Assert.Equal(0, await escalation.SweepAsync(InNewYork(2026, 12, 28, 10, 29), CancellationToken.None));
        Assert.Equal(1, await escalation.SweepAsync(InNewYork(2026, 12, 28, 10, 30), CancellationToken.None));
        await bot.WaitForSentAsync(TicketWorld.Dana, $"Escalated to you: nobody claimed {id} in time.");

        // The second step is another 4 school hours: 10:30 + 4 h = 14:30 the same Monday.
        Assert.Equal(0, await escalation.SweepAsync(InNewYork(2026, 12, 28, 14, 29), CancellationToken.None));
        Assert.Equal(1, await escalation.SweepAsync(InNewYork(2026, 12, 28, 14, 30), CancellationToken.None));
        await bot.WaitForSentAsync(TicketWorld.Eli, $"Escalated to you: nobody claimed {id} in time.");
    }

    [Fact]
    public async Task ASnowDayAnnouncedAtTenMovesOpenPromisesByTheSchoolTimeLostAndTellsEachReporterInTheirLanguage()
    {
        var tuesday = InNewYork(2026, 12, 15, 9);
        var (bot, clock) = await StartAsync(tuesday);
        await using var _bot = bot;
        var (anas, _) = await bot.ReportInNewYorkAsync(TicketWorld.Ana, "1700000000901");
        var (carmens, _) = await bot.ReportInNewYorkAsync(TicketWorld.Carmen, "1700000000902");

        clock.SetUtcNow(InNewYork(2026, 12, 15, 10));
        await bot.ChangeCalendarAsync(c => c.WithClosure(new CalendarClosure(new DateOnly(2026, 12, 15), "Snow day")), clock.GetUtcNow());
        await using var ticking = Ticking(clock);

        // At 10:00 each had 3 of its 4 school hours left: they now run out at 10:30 on Wednesday.
        var toAna = await bot.WaitForSentAsync(TicketWorld.Ana, anas, "School is closed (Snow day)");
        var toCarmen = await bot.WaitForSentAsync(TicketWorld.Carmen, carmens, "La escuela cierra (Snow day)");
        Assert.Contains("now by Wed 16 Dec, 10:30 AM (Eastern time).", CardReading.Said(SentCards.CardOf(toAna)).Replace('\u202F', ' '), StringComparison.Ordinal);
        Assert.Contains("ahora vence el mié 16 dic, 10:30 (hora del Este).", CardReading.Said(SentCards.CardOf(toCarmen)), StringComparison.Ordinal);
        using var home = Fixtures.InHomeTenant();
        foreach (var id in new[] { anas, carmens })
        {
            var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
            Assert.Equal((InNewYork(2026, 12, 16, 10, 30), InNewYork(2026, 12, 16, 10, 30)), (ticket.DueAt, ticket.NextEscalationAt));
            Assert.Contains(TicketEventKind.Postponed, (await bot.Store().HistoryAsync(id, CancellationToken.None)).Select(e => e.Kind));
        }
    }

    [Theory]
    [InlineData(2027, 3, 12, 2027, 3, 15)]
    [InlineData(2026, 10, 30, 2026, 11, 2)]
    public async Task APromiseAcrossADaylightSavingChangeLandsOnTheRightWallClockTime(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        var friday = InNewYork(year, month, day, 15);
        var (bot, _) = await StartAsync(friday);
        await using var _bot = bot;

        var (id, card) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);

        using var home = Fixtures.InHomeTenant();
        var due = (await bot.Store().FindAsync(id, CancellationToken.None))!.DueAt;
        var expected = InNewYork(dueYear, dueMonth, dueDay, 10, 30);
        Assert.Equal(expected, due);
        Assert.Equal(friday.AddDays(3).AddHours(-4.5 + (month == 3 ? -1 : 1)), due);
        Assert.Contains($"Mon {dueDay} {(dueMonth == 3 ? "Mar" : "Nov")}, 10:30", card, StringComparison.Ordinal);
    }

    private static ClockTicker Ticking(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) => new(clock);
}
