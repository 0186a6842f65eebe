using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

public sealed class SurveyMaskingTests
{
    [Fact]
    public async Task OpenAnswersShowEmailsPhoneNumbersAndDirectoryNamesMaskedOnTheCardAndInTheCsv()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, "text | What should change?");
        string[] answers =
        [
            "Write to lee.liaison@district.example.org about the printers",
            "Call me on +1 (555) 123-4567 please",
            "Ask Ines Admin, she knows the printers",
            "ines admin fixed it; thanks Ines",
            "Room 12 printers jam on Mondays",
        ];
        for (var i = 0; i < answers.Length; i++)
        {
            await AnswerAsync(bot, voters[i].Persona, surveyId, [answers[i]]);
        }

        var results = await ResultsAsync(bot, Admin, surveyId);
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });
        var csv = await CsvAsync(bot, await ResultsAsync(bot, Admin, surveyId));
        var shown = CardReading.Said(results) + csv;

        Assert.Contains("Write to [email] about the printers", CardReading.Said(results), StringComparison.Ordinal);
        Assert.Contains("Call me on [phone] please", CardReading.Said(results), StringComparison.Ordinal);
        Assert.Contains("Ask [name], she knows the printers", CardReading.Said(results), StringComparison.Ordinal);
        Assert.Contains("[name] fixed it; thanks [name]", csv, StringComparison.Ordinal);
        Assert.Contains("Room 12 printers jam on Mondays", csv, StringComparison.Ordinal);
        Assert.Contains("Most frequent words: printer (3)", CardReading.Said(results), StringComparison.Ordinal);
        foreach (var secret in new[] { "lee.liaison", "district.example.org", "555", "123-4567", "Ines", "ines admin" })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenAnswersFromFewerThanTheMinimumGroupAreNotShownAtAll()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var surveyId = await SendAsync(bot, "rating | How is it? | 1; 2; 3; 4; 5\ntext | Why?");
        for (var i = 0; i < 5; i++)
        {
            await AnswerAsync(bot, voters[i].Persona, surveyId, ["4", i < 4 ? $"Reason number {i}" : null]);
        }

        var results = await ResultsAsync(bot, Admin, surveyId);

        Assert.Contains("Open answers are shown only when at least 5 people answered.", CardReading.Said(results), StringComparison.Ordinal);
        Assert.DoesNotContain("Reason number", results.ToJsonString(), StringComparison.Ordinal);
    }
}
