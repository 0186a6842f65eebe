using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TeamsEngage.Features.Polls;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Calendar.CalendarWorld;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>
/// A New York school with lessons 08:00–10:00 and 10:20–15:10. Ines sends a poll at 09:00 on Tuesday 15 December 2026,
/// mid-lesson: nobody is pinged until the bell.
/// </summary>
public sealed class PollQuietHoursTests
{
    [Fact]
    public async Task AnInvitationSentMidLessonWaitsForTheBellAndTheAuthorIsToldWhen()
    {
        var clock = new FakeTimeProvider(InNewYork(2026, 12, 15, 9, 0));
        var voters = Voters("SCI", 3);
        var settings = new Dictionary<string, string?> { ["TeamsEngage:Calendar:Lessons"] = "08:00-10:00,10:20-15:10" };
        await using var bot = await StartAsync(voters, settings, clock: clock);
        using var home = Fixtures.InHomeTenant();
        var bell = InNewYork(2026, 12, 15, 10, 0);

        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which training day?", options = "Monday\nWednesday", closeDate = "2026-12-18", closeTime = "17:00" });
        IReadOnlyList<DeliveryRecord> held;
        await using (new ClockTicker(clock))
        {
            held = await Eventually.ValueAsync(() => DeliveriesAsync(bot, pollId), d => d.Count == 4, "every invitation written");
        }
        var results = (await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId }))["value"]!;

        Assert.All(held, d => Assert.Equal((DeliveryStatus.Pending, bell), (d.Status, d.NotBefore)));
        Assert.All(voters, v => Assert.Empty(bot.SentTo(v.Persona)));
        Assert.Contains("4 more people get the poll at", CardReading.Said(results), StringComparison.Ordinal);

        clock.Advance(bell - clock.GetUtcNow());
        IReadOnlyList<DeliveryRecord> sent;
        await using (new ClockTicker(clock))
        {
            // A row is marked after its send, so once all are marked every ballot has reached the connector.
            sent = await Eventually.ValueAsync(() => DeliveriesAsync(bot, pollId), d => d.All(r => r.Status == DeliveryStatus.Sent), "the ballots after the bell");
        }
        Assert.All(voters, v => Assert.Single(bot.SentTo(v.Persona)));
        Assert.All(sent, d => Assert.True(d.SentAt >= bell, $"sent at {d.SentAt:O}"));
    }

    [Fact]
    public async Task WithoutLessonsConfiguredNothingIsHeld()
    {
        var clock = new FakeTimeProvider(InNewYork(2026, 12, 15, 22, 0));
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters, clock: clock);
        using var home = Fixtures.InHomeTenant();

        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Night owls?", options = "Yes\nNo", closeDate = "2026-12-18" });

        await using var ticking = new ClockTicker(clock);
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count == 1), "the ballots at once");
        Assert.All(await DeliveriesAsync(bot, pollId), d => Assert.Null(d.NotBefore));
    }

    private static async Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(BotApplication bot, string pollId)
    {
        using var home = Fixtures.InHomeTenant();
        return await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(pollId).ToListAsync();
    }
}
