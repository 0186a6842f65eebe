using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using TeamsEngage.Tests.Polls;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Surveys;

/// <summary>
/// Who may press which of a survey's author buttons, checked on the server whatever the card's data says: the author
/// everything, another administrator results and close only, a liaison nothing of someone else's survey.
/// </summary>
public sealed class SurveyAccessTests
{
    private const string NotAuthor = "Only the survey's author can do that.";
    private const string Unknown = "I cannot find that survey.";

    private static readonly Persona Lia = Persona.Create("Lia Liaison", "lia-liaison");
    private static readonly Persona OtherAdmin = Persona.Create("Omar Admin", "omar-admin");
    private static readonly Persona Member = Persona.Create("Mia Member", "mia-member");

    [Fact]
    public async Task ALiaisonWhoIsNotTheAuthorIsRefusedSendRemindResultsAndCloseAndNothingChanges()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);
        var surveyId = await SurveyHost.SendAsync(bot, "rating* | How is the new gradebook? | 1; 2; 3; 4; 5");

        var answers = new[]
        {
            await bot.ExecuteAsync(Lia, SurveyVerbs.Send, new { surveyId = draftId }),
            await bot.ExecuteAsync(Lia, SurveyVerbs.Remind, new { surveyId }),
            await bot.ExecuteAsync(Lia, SurveyVerbs.Results, new { surveyId }),
            await bot.ExecuteAsync(Lia, SurveyVerbs.Close, new { surveyId }),
        };

        Assert.All(answers, a => Assert.Equal(NotAuthor, TextOf(a)));
        var surveys = bot.Services.GetRequiredService<SurveyStore>();
        Assert.Equal(SurveyStatus.Draft, (await surveys.FindAsync(draftId, CancellationToken.None))!.Status);
        var survey = (await surveys.FindAsync(surveyId, CancellationToken.None))!;
        Assert.Equal((SurveyStatus.Open, (DateTimeOffset?)null), (survey.Status, survey.RemindedAt));
    }

    [Fact]
    public async Task AnotherAdministratorMayReadResultsAndCloseButNeverSendOrRemindForTheAuthor()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);
        var surveyId = await SurveyHost.SendAsync(bot, "rating* | How is the new gradebook? | 1; 2; 3; 4; 5");

        var send = await bot.ExecuteAsync(OtherAdmin, SurveyVerbs.Send, new { surveyId = draftId });
        var remind = await bot.ExecuteAsync(OtherAdmin, SurveyVerbs.Remind, new { surveyId });
        var results = await bot.ExecuteAsync(OtherAdmin, SurveyVerbs.Results, new { surveyId });

        Assert.Equal(NotAuthor, TextOf(send));
        Assert.Equal(NotAuthor, TextOf(remind));
        Assert.Contains("Pulse", TextOf(results), StringComparison.Ordinal);
        var surveys = bot.Services.GetRequiredService<SurveyStore>();
        Assert.Equal(SurveyStatus.Draft, (await surveys.FindAsync(draftId, CancellationToken.None))!.Status);
        Assert.Null((await surveys.FindAsync(surveyId, CancellationToken.None))!.RemindedAt);

        await bot.ExecuteAsync(OtherAdmin, SurveyVerbs.Close, new { surveyId });
        Assert.Equal(SurveyStatus.Closed, (await surveys.FindAsync(surveyId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task ADraftAnswersOnlySendEvenToItsAuthorAndAnUnknownSurveyIsNotFound()
    {
        await using var bot = await StartAsync();
        using var home = Fixtures.InHomeTenant();
        var draftId = await DraftAsync(bot);

        foreach (var verb in new[] { SurveyVerbs.Results, SurveyVerbs.Close, SurveyVerbs.Remind })
        {
            Assert.Equal(Unknown, TextOf(await bot.ExecuteAsync(Admin, verb, new { surveyId = draftId })));
        }
        Assert.Equal(Unknown, TextOf(await bot.ExecuteAsync(Admin, SurveyVerbs.Results, new { surveyId = "no-such-survey" })));
        var surveys = bot.Services.GetRequiredService<SurveyStore>();
        Assert.Equal(SurveyStatus.Draft, (await surveys.FindAsync(draftId, CancellationToken.None))!.Status);
    }

    /// <summary>Ines administers and authors; Omar is a second administrator; Lia is SCI's liaison; Mia is in SCI.</summary>
    private static Task<BotApplication> StartAsync() => DirectorySeeding.StartAsync(
        departments: $"SCI department,SCI,{DirectorySeeding.EmailOf(Lia)},,24",
        people: $"{DirectorySeeding.EmailOf(Lia)},SCI,liaison,\n{DirectorySeeding.EmailOf(Member)},SCI,member,",
        administrators: [Admin, OtherAdmin],
        installed: [Admin, OtherAdmin, Lia, Member],
        settings: Outbox.OutboxHost.FastSettings());

    /// <summary>A survey previewed (so stored as a draft) by the seeded administrator, and its id.</summary>
    private static async Task<string> DraftAsync(BotApplication bot) =>
        SurveyHost.IdOf(await SurveyHost.PreviewAsync(bot, Admin, new Dictionary<string, string?>
        {
            ["title"] = "Draft pulse",
            ["questions"] = "text | Anything else?",
            ["anonymous"] = "false",
            ["breakdown"] = "None",
            ["closeDate"] = "2099-01-01",
            ["audienceKind"] = "Everyone",
        }));
}
