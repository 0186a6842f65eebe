using TeamsEngage.Features.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

public sealed class PollExportAndCapTests
{
    [Fact]
    public async Task TheSignedExportLinkGivesACsvWithFormulasNeutralisedAndNoNamesForAnonymousPolls()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        var (named, _) = await ComposeAndSendAsync(bot, new { question = "Sum?", options = "=1+1\n@two", closeDate = "2099-01-01" });
        var (anonymous, _) = await ComposeAndSendAsync(bot, new { question = "Secret?", options = "Yes\nNo", anonymous = "true", closeDate = "2099-01-01" });
        foreach (var (_, voter) in voters)
        {
            await VoteAsync(bot, voter, named, "0");
            await VoteAsync(bot, voter, anonymous, "1");
        }

        var namedCsv = await ExportAsync(bot, named);
        var anonymousWhileOpen = await ExportAsync(bot, anonymous);
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId = anonymous });
        var anonymousCsv = await ExportAsync(bot, anonymous);

        Assert.Contains("'=1+1,5,100", namedCsv, StringComparison.Ordinal);
        Assert.Contains("'@two,0,0", namedCsv, StringComparison.Ordinal);
        Assert.Contains("voter,department,role,choices,comment", namedCsv, StringComparison.Ordinal);
        Assert.Equal(5, namedCsv.Split("\r\n").Count(l => l.EndsWith(",SCI,Member,'=1+1,", StringComparison.Ordinal)));
        Assert.Contains("results,withheld", anonymousWhileOpen, StringComparison.Ordinal);
        Assert.DoesNotContain("No,", anonymousWhileOpen, StringComparison.Ordinal);
        Assert.Contains("No,5,100", anonymousCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("voter,department", anonymousCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Torres", anonymousCsv, StringComparison.Ordinal);
        Assert.All(voters, v => Assert.DoesNotContain(v.Persona.Name, anonymousCsv, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeopleWhoReachedTheWeeklyLimitAreLeftOutAndTheAuthorIsTold()
    {
        var voters = Voters("SCI", 2);
        await using var bot = await StartAsync(voters, new Dictionary<string, string?> { ["TeamsEngage:Polls:MaxPerPersonPerWeek"] = "1" });
        await ComposeAndSendAsync(bot, new { question = "First?", options = "A\nB", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });

        var (secondId, second) = await ComposeAndSendAsync(bot, new { question = "Second?", options = "A\nB", closeDate = "2099-01-01" });

        Assert.Contains("2 people were left out", TextOf(second), StringComparison.Ordinal);
        var refused = await VoteAsync(bot, voters[0].Persona, secondId, "0");
        Assert.Contains("not sent to you", TextOf(refused), StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync(BotApplication bot, string pollId)
    {
        var results = await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId });
        var link = results["value"]!["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        using var response = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }
}
