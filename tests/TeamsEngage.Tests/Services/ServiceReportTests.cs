using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Services;

public sealed class ServiceReportTests
{
    [Fact]
    public async Task ReportAProblemOpensTheFormAboutTheServiceAndTheTicketKeepsTheServiceAndItsPromise()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        var opened = await bot.ActAsync(Ana, "report.open", new { serviceId = "wifi" });

        Assert.Equal("application/vnd.microsoft.activity.message", opened["type"]?.GetValue<string>());
        var form = bot.LastCardTo(Ana);
        Assert.Contains("About: Wi-Fi", CardReading.Said(form), StringComparison.Ordinal);
        Assert.DoesNotContain("We know", CardReading.Said(form), StringComparison.Ordinal);
        var submit = ServiceWorld.Buttons(form).Single(b => b.Verb == TicketVerbs.Submit);
        Assert.Equal("wifi", submit.Data!["serviceId"]!.GetValue<string>());

        var card = CardOf(await bot.ActAsync(Ana, TicketVerbs.Submit, new { serviceId = "wifi", description = "No wifi in room 12", location = "Room 12", urgency = "StoppingClass" }, "1700000000901"));

        Assert.Contains("Service: Wi-Fi", CardReading.Said(card), StringComparison.Ordinal);
        var ticket = Assert.Single(await bot.Store().ListByReporterAsync(Ana.UserId, CancellationToken.None).ToListAsync());
        Assert.Equal(("wifi", "Wi-Fi", TimeSpan.FromHours(2)), (ticket.ServiceId, ticket.ServiceName, ticket.DueAt - ticket.CreatedAt));
        await bot.WaitForSentAsync(Ben, ticket.Id, "Wi-Fi");
    }

    [Theory]
    [InlineData("gradebook", "InTheWay", 16)]
    [InlineData("gradebook", "Whenever", 40)]
    [InlineData("wifi", "InTheWay", 4)]
    [InlineData("nope", "StoppingClass", 4)]
    [InlineData(null, "StoppingClass", 4)]
    public async Task TheServicesPromiseForTheUrgencyReplacesTheDepartmentsWhereItIsSet(string? serviceId, string urgency, int hours)
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();

        await bot.ActAsync(Ana, TicketVerbs.Submit, new { serviceId, description = "It is broken", location = "Room 12", urgency });

        var ticket = Assert.Single(await bot.Store().ListByReporterAsync(Ana.UserId, CancellationToken.None).ToListAsync());
        Assert.Equal(TimeSpan.FromHours(hours), ticket.DueAt - ticket.CreatedAt);
        Assert.Equal(serviceId is "gradebook" or "wifi" ? serviceId : null, ticket.ServiceId);
    }

    [Fact]
    public async Task EscalationWaitsForTheServicesPromiseAndTheBackupGetsTheSameTime()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        await bot.ActAsync(Ana, TicketVerbs.Submit, new { serviceId = "gradebook", description = "Grades do not save", location = "Room 3", urgency = "InTheWay" });
        var id = Assert.Single(await bot.Store().ListByReporterAsync(Ana.UserId, CancellationToken.None).ToListAsync()).Id;
        var created = (await bot.Store().FindAsync(id, CancellationToken.None))!.CreatedAt;
        var escalation = bot.Services.GetRequiredService<TicketEscalation>();

        await escalation.SweepAsync(created.AddHours(4).AddMinutes(1), CancellationToken.None);
        Assert.Equal(0, (await bot.Store().FindAsync(id, CancellationToken.None))!.EscalationLevel);

        Assert.Equal(1, await escalation.SweepAsync(created.AddHours(16).AddMinutes(1), CancellationToken.None));

        var escalated = (await bot.Store().FindAsync(id, CancellationToken.None))!;
        Assert.Equal((1, created.AddHours(32)), (escalated.EscalationLevel, escalated.NextEscalationAt));
        await bot.WaitForSentAsync(Dana, $"Escalated to you: nobody claimed {id} in time.");
    }

    [Fact]
    public async Task TheReportFormOfAServiceInOutageShowsTheKnownOutageFirstWithAWayToFollowIt()
    {
        await using var bot = await ServiceWorld.StartAsync();
        using var home = Fixtures.InHomeTenant();
        await bot.ActAsync(Ben, "services.setstatus", new { serviceId = "wifi", condition = "Outage", message = "Building B has no wireless." });

        await bot.ActAsync(Gus, "report.open", new { serviceId = "wifi" });
        await bot.ActAsync(Carmen, "report.open", new { serviceId = "wifi" });

        var form = bot.LastCardTo(Gus);
        var outline = CardReading.BodyOutline(form);
        Assert.Equal(["Report a problem", "Container", "About: Wi-Fi"], outline.Take(3));
        var said = CardReading.Said(form);
        Assert.StartsWith("We know: Wi-Fi is down since", CardReading.Texts(form)[1], StringComparison.Ordinal);
        Assert.Contains("Building B has no wireless.", said, StringComparison.Ordinal);
        Assert.Contains(ServiceWorld.Buttons(form), b => b.Verb == "services.follow" && b.Data!["serviceId"]!.GetValue<string>() == "wifi");
        Assert.StartsWith("Ya lo sabemos: Wi-Fi está caído desde", CardReading.Texts(bot.LastCardTo(Carmen))[1], StringComparison.Ordinal);

        CardOf(await bot.ActAsync(Gus, "services.follow", new { serviceId = "wifi" }));
        Assert.True(await bot.Catalogue().IsFollowingAsync("wifi", DirectorySeeding.KeyOf(Gus), CancellationToken.None));
    }
}
