using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Features.Notices;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Calendar.CalendarWorld;

namespace TeamsEngage.Tests.Notices;

/// <summary>
/// A New York school with lessons 08:00–10:00 and 10:20–15:10; at 09:00 on Tuesday 15 December 2026 Ana announces two
/// deployments to Science (Ben and Dan): an ordinary one and an urgent one.
/// </summary>
public sealed class NoticeQuietHoursTests
{
    [Fact]
    public async Task AnOrdinaryNoticeWaitsForTheBellAndAnUrgentOneGoesAtOnce()
    {
        var clock = new FakeTimeProvider(InNewYork(2026, 12, 15, 9, 0));
        var settings = new Dictionary<string, string?>(Outbox.OutboxHost.FastSettings()) { ["TeamsEngage:Calendar:Lessons"] = "08:00-10:00,10:20-15:10" };
        await using var bot = await NoticeFlow.StartSchoolAsync(settings, clock);
        using var home = Fixtures.InHomeTenant();
        var bell = InNewYork(2026, 12, 15, 10, 0);
        var outbox = bot.Services.GetRequiredService<IOutbox>();

        var ordinary = await NoticeFlow.SendAsync(bot, NoticeFlow.Form());
        var urgentForm = NoticeFlow.Form();
        urgentForm["title"] = "Gradebook outage fix";
        urgentForm["urgent"] = "true";
        var urgent = await NoticeFlow.SendAsync(bot, urgentForm);

        IReadOnlyList<DeliveryRecord> held;
        await using (new ClockTicker(clock))
        {
            await NoticeFlow.UntilDeliveredAsync(bot, urgent, 2);
            held = await Eventually.ValueAsync(async () => await outbox.ReadDeliveriesAsync(ordinary).ToListAsync(), d => d.Count == 2, "the ordinary notice's rows");
        }
        Assert.All(held, d => Assert.Equal((DeliveryStatus.Pending, bell), (d.Status, d.NotBefore)));
        Assert.All(await outbox.ReadDeliveriesAsync(urgent).ToListAsync(), d => Assert.Null(d.NotBefore));

        clock.Advance(bell - clock.GetUtcNow());
        await using (new ClockTicker(clock))
        {
            await NoticeFlow.UntilDeliveredAsync(bot, ordinary, 2);
        }
        Assert.All(await outbox.ReadDeliveriesAsync(ordinary).ToListAsync(), d => Assert.True(d.SentAt >= bell, $"sent at {d.SentAt:O}"));

        // At 11:00, mid-lesson again, Ana reminds those who have not acknowledged: the reminder waits for 15:10.
        clock.Advance(InNewYork(2026, 12, 15, 11, 0) - clock.GetUtcNow());
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.Remind, new { noticeId = ordinary });
        var reminders = await outbox.ReadDeliveriesAsync(Notice.ReminderIdOf(ordinary)).ToListAsync();
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, d => Assert.Equal((DeliveryStatus.Pending, InNewYork(2026, 12, 15, 15, 10)), (d.Status, d.NotBefore)));
    }
    [Fact]
    public async Task TheMessageTellingThatAnOrdinaryNoticeMovedWaitsForTheBellLikeItsReminder()
    {
        var clock = new FakeTimeProvider(InNewYork(2026, 12, 15, 9, 0));
        var settings = new Dictionary<string, string?>(Outbox.OutboxHost.FastSettings()) { ["TeamsEngage:Calendar:Lessons"] = "08:00-10:00,10:20-15:10" };
        await using var bot = await NoticeFlow.StartSchoolAsync(settings, clock);
        using var home = Fixtures.InHomeTenant();
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        var ordinary = await NoticeFlow.SendAsync(bot, NoticeFlow.Form());
        clock.Advance(InNewYork(2026, 12, 15, 10, 0) - clock.GetUtcNow());
        await using (new ClockTicker(clock))
        {
            await NoticeFlow.UntilDeliveredAsync(bot, ordinary, 2);
        }

        // At 11:00, mid-lesson, Ana moves the deployment by a day: Ben and Dan are told at 15:10, when their lessons end.
        clock.Advance(InNewYork(2026, 12, 15, 11, 0) - clock.GetUtcNow());
        await bot.ExecuteAsync(Persona.Ana, NoticeVerbs.RescheduleSave, new
        {
            noticeId = ordinary, startDate = "2031-03-05", startTime = "18:00", endDate = "2031-03-05", endTime = "20:00", timeZone = "America/Chicago",
        });

        var told = await outbox.ReadDeliveriesAsync(Notice.ChangeIdOf(ordinary, 1)).ToListAsync();
        Assert.Equal(2, told.Count);
        Assert.All(told, d => Assert.Equal((DeliveryStatus.Pending, InNewYork(2026, 12, 15, 15, 10)), (d.Status, d.NotBefore)));
    }
}
