using TeamsEngage.Features.Reports;
using TeamsEngage.Features.Tickets;
using TeamsEngage.Localization;
using TeamsEngage.Reporting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Reports.ReportSignIn;
using static TeamsEngage.Tests.Tickets.TicketWorld;

namespace TeamsEngage.Tests.Reports;

/// <summary>The tickets page's liaison workload: the numbers of tickets claimed and resolved through the bot, by name, and only a liaison's own departments' liaisons for a liaison.</summary>
public sealed class WorkloadReportTests
{
    // Under a minute: every response here is given at once.
    private static readonly string AtOnce = ReportFormat.Duration(Texts.For("en"), DurationHistogram.ValueOf(0));

    [Fact]
    public async Task TicketsClaimedAndResolvedByTwoLiaisonsShowAsEachOnesWorkloadOnThePageAndInTheCsv()
    {
        await using var bot = await StartAsync();
        var first = await bot.ReportAsync(Ana, "Projector dark", "1700000000931");
        var second = await bot.ReportAsync(Ana, "Printer jams", "1700000000932");
        var third = await bot.ReportAsync(Ana, "Wi-Fi drops", "1700000000933");
        await bot.ReportAsync(Ana, "Clock stopped", "1700000000934");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = first });
        await bot.ActAsync(Ben, TicketVerbs.Resolve, new { ticketId = first, resolution = "New lamp." });
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = second });
        await bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = third });
        await bot.ActAsync(Dana, TicketVerbs.Resolve, new { ticketId = third, resolution = "Restarted the access point." });
        var cookie = await SignInAsync(bot, Eli);

        var page = await (await GetAsync(bot, cookie, "/reports/tickets")).Content.ReadAsStringAsync();
        var csv = await (await GetAsync(bot, cookie, "/reports/tickets/workload.csv")).Content.ReadAsStringAsync();

        var rows = Rows(page, "workload");
        // Ben holds the one he claimed and the one still only assigned to him; Dana resolved the one she took on.
        Assert.Equal(["Ben Okafor", "2", "1", "2", "1", AtOnce], rows.Single(r => r[0] == "Ben Okafor"));
        Assert.Equal(["Dana Park", "0", "0", "1", "1", AtOnce], rows.Single(r => r[0] == "Dana Park"));
        Assert.Contains("\r\nBen Okafor,2,1,2,1,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nDana Park,0,0,1,1,", csv, StringComparison.Ordinal);
        Assert.Contains("Liaison workload: Ben Okafor 2; Dana Park 0", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReleasedTicketGoesBackToItsAssigneeAndAReassignedOneMovesToTheNewLiaison()
    {
        await using var bot = await StartAsync();
        var first = await bot.ReportAsync(Ana, "Projector dark", "1700000000941");
        var second = await bot.ReportAsync(Ana, "Printer jams", "1700000000942");
        await bot.ActAsync(Dana, TicketVerbs.Claim, new { ticketId = first });
        await bot.ActAsync(Dana, TicketVerbs.Reassign, new { ticketId = first, target = TicketReassignment.Release });
        await bot.ActAsync(Ben, TicketVerbs.Reassign, new { ticketId = second, target = "p:" + DirectorySeeding.KeyOf(Dana) });
        var cookie = await SignInAsync(bot, Eli);

        var rows = Rows(await (await GetAsync(bot, cookie, "/reports/tickets")).Content.ReadAsStringAsync(), "workload");

        Assert.Equal(["Ben Okafor", "1", "0", "0", "0"], rows.Single(r => r[0] == "Ben Okafor")[..5]);
        Assert.Equal(["Dana Park", "1", "0", "1", "0", AtOnce], rows.Single(r => r[0] == "Dana Park"));
    }

    [Fact]
    public async Task ALiaisonSeesTheLiaisonsOfHerDepartmentsOnly()
    {
        await using var bot = await StartAsync();
        var first = await bot.ReportAsync(Ana, "Projector dark", "1700000000951");
        await bot.ActAsync(Ben, TicketVerbs.Claim, new { ticketId = first });

        var fay = Rows(await (await GetAsync(bot, await SignInAsync(bot, Fay), "/reports/tickets")).Content.ReadAsStringAsync(), "workload");
        var ben = Rows(await (await GetAsync(bot, await SignInAsync(bot, Ben), "/reports/tickets")).Content.ReadAsStringAsync(), "workload");
        var fayCsv = await (await GetAsync(bot, await SignInAsync(bot, Fay), "/reports/tickets/workload.csv")).Content.ReadAsStringAsync();

        Assert.Equal(["Fay Moreno"], fay.Select(r => r[0]));
        Assert.Equal(["Ben Okafor", "Dana Park"], ben.Select(r => r[0]));
        Assert.DoesNotContain("Ben", fayCsv, StringComparison.Ordinal);
    }

    /// <summary>The report school with Dana in the directory as Science's backup liaison.</summary>
    private static Task<BotApplication> StartAsync() =>
        Tickets.TicketWorld.StartAsync(extra: DirectorySeeding.Settings(people: string.Join('\n',
            $"{DirectorySeeding.EmailOf(Ana)},SCI,member,en",
            $"{DirectorySeeding.EmailOf(Gus)},MAT,member,en",
            $"{DirectorySeeding.EmailOf(Ben)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(Dana)},SCI,liaison,en",
            $"{DirectorySeeding.EmailOf(Fay)},ART,liaison,en")));
}
