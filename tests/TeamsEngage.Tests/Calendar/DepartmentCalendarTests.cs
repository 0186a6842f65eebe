using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Calendar;
using TeamsEngage.Features.Notices;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Notices;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Tickets;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Calendar;

/// <summary>
/// Schools differ: the district's lessons are 08:00–10:00 and 10:20–15:10 (New York, 07:30–16:00), while Mathematics
/// rings its bell at 09:30 and Science, in the ticket school, keeps a short day (07:30–12:30).
/// </summary>
public sealed class DepartmentCalendarTests
{
    private static readonly DepartmentHours MathBells = new("MATH", null, [new(new(8, 0), new(9, 30)), new(new(9, 45), new(15, 10))]);

    [Fact]
    public async Task OneBroadcastReleasesEachRecipientAtTheFirstMinuteHisOwnDepartmentAllows()
    {
        var (bot, clock) = await NoticeQuietStatusTests.StartAsync();
        await using var _ = bot;
        using var home = Fixtures.InHomeTenant();
        await bot.ChangeCalendarAsync(c => c.WithDepartment(MathBells), clock.GetUtcNow());
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        var (mathBell, scienceBell) = (InNewYork(2026, 12, 15, 9, 30), InNewYork(2026, 12, 15, 10, 0));

        var id = await NoticeQuietStatusTests.PreviewAsync(bot, Persona.Ana, NoticeFlow.Form(departments: "SCI,MATH"));
        var sent = NoticeFlow.CardOf(await bot.ActInNewYorkAsync(Persona.Ana, NoticeVerbs.Send, new { noticeId = id, confirmed = true }));
        var status = await NoticeQuietStatusTests.StatusOnceWrittenAsync(bot, clock, Persona.Ana, id, 3);
        var rows = await outbox.ReadDeliveriesAsync(id).ToListAsync();

        Assert.Equal(mathBell, rows.Single(r => r.DepartmentCode == "MATH").NotBefore);
        Assert.All(rows.Where(r => r.DepartmentCode == "SCI"), r => Assert.Equal(scienceBell, r.NotBefore));
        Assert.Contains("0 now, 3 between 9:30 AM and 10:00 AM, as their lessons end", NoticeQuietStatusTests.Said(sent), StringComparison.Ordinal);
        Assert.Contains("between 9:30 AM and 10:00 AM", NoticeQuietStatusTests.FactValue(status, "Quiet hours").Replace('\u202F', ' '), StringComparison.Ordinal);

        clock.Advance(mathBell - clock.GetUtcNow());
        await using (new ClockTicker(clock))
        {
            await NoticeFlow.UntilDeliveredAsync(bot, id, 1);
        }
        var afterMathBell = await outbox.ReadDeliveriesAsync(id).ToListAsync();
        Assert.Equal(DeliveryStatus.Sent, afterMathBell.Single(r => r.DepartmentCode == "MATH").Status);
        Assert.All(afterMathBell.Where(r => r.DepartmentCode == "SCI"), r => Assert.Equal(DeliveryStatus.Pending, r.Status));
        Assert.Empty(NoticeFlow.Delivered(bot, Persona.Ben));

        clock.Advance(scienceBell - clock.GetUtcNow());
        await using (new ClockTicker(clock))
        {
            await NoticeFlow.UntilDeliveredAsync(bot, id, 3);
        }
        Assert.All(await outbox.ReadDeliveriesAsync(id).ToListAsync(), r => Assert.True(r.SentAt >= r.NotBefore, $"{r.DepartmentCode} sent at {r.SentAt:O}"));
    }

    [Fact]
    public void ADepartmentWithoutOverridesLivesByTheDistrictAndAnOverrideReplacesOnlyWhatItSets()
    {
        var district = new SchoolCalendar(NewYork, [DayOfWeek.Monday], new SchoolHours(new(7, 30), new(16, 0)), [], [], []);
        var shortDay = new SchoolHours(new(7, 30), new(12, 30));
        var calendar = district.WithDepartment(new DepartmentHours("SCI", shortDay, null)).WithDepartment(MathBells);

        Assert.Same(calendar, calendar.For("ART"));
        Assert.Same(calendar, calendar.For(null));
        Assert.Equal((shortDay, (IReadOnlyList<SchoolHours>?)null), (calendar.For("sci").Hours, calendar.For("sci").Lessons));
        Assert.Equal((district.Hours, MathBells.Lessons), (calendar.For("MATH").Hours, calendar.For("MATH").Lessons));
        Assert.Single(calendar.WithDepartment(new DepartmentHours("MATH", null, null)).Departments);
    }

    [Fact]
    public async Task ATicketInADepartmentWithAShorterDayIsPromisedInThatDepartmentsHours()
    {
        var tuesday = InNewYork(2026, 12, 15, 10);
        var (bot, clock) = await StartAsync(tuesday);
        await using var _bot = bot;
        await bot.ChangeCalendarAsync(c => c.WithDepartment(new DepartmentHours("SCI", new SchoolHours(new(7, 30), new(12, 30)), null)), tuesday);

        var (id, card) = await bot.ReportInNewYorkAsync(TicketWorld.Ana);

        using var home = Fixtures.InHomeTenant();
        var ticket = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        // Four school hours of Science: 10:00–12:30 today, then 07:30–09:00 tomorrow (the district would say 14:00 today).
        Assert.Equal(InNewYork(2026, 12, 16, 9, 0), ticket.DueAt);
        Assert.Contains("Wed 16 Dec, 9:00 AM (Eastern time)", card.Replace("\\u202F", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var escalation = bot.Services.GetRequiredService<TicketEscalation>();
        await using var ticking = new ClockTicker(clock);
        Assert.Equal(0, await escalation.SweepAsync(InNewYork(2026, 12, 15, 15, 0), CancellationToken.None));
        Assert.Equal(1, await escalation.SweepAsync(InNewYork(2026, 12, 16, 8, 30), CancellationToken.None));
    }
}
