using System.Text.Json.Nodes;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

public sealed class SurveyLifecycleTests
{
    [Fact]
    public async Task ASurveyGoesFromATemplateToResultsWithChangedAnswersCountedOnce()
    {
        var voters = Voters("SCI", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var seen = new Seen();

        await bot.SayAsync(Admin, "survey");
        var picker = seen.Add("templates.en", SentCards.CardOf(Assert.Single(bot.SentTo(Admin))));
        Assert.Contains("After the rollout", CardReading.Said(picker) + string.Join('|', picker.ToJsonString()), StringComparison.Ordinal);
        var composer = seen.Add("composer.en", (await bot.ExecuteAsync(Admin, SurveyVerbs.Template, new { template = "rollout" }))["value"]!);
        var values = ComposerValues(composer);
        Assert.StartsWith("rating* | How is [tool] working for you?", values["questions"], StringComparison.Ordinal);
        values["title"] = values["title"]!.Replace("[tool]", "Teams", StringComparison.Ordinal);
        values["questions"] = values["questions"]!.Replace("[tool]", "Teams", StringComparison.Ordinal);
        values["closeDate"] = "2099-01-01";

        var preview = await PreviewAsync(bot, Admin, values);
        seen.Add("preview.en", preview["value"]!);
        Assert.Contains("Estimated time 1:29 · 4 questions", CardReading.Said(preview["value"]!), StringComparison.Ordinal);
        var surveyId = IdOf(preview);
        seen.Add("results.sent.en", (await bot.ExecuteAsync(Admin, SurveyVerbs.Send, new { surveyId }))["value"]!);
        foreach (var (_, voter) in voters)
        {
            var form = seen.Add("form.en", SentCards.CardOf(Assert.Single(await bot.Connector.WaitForActivitiesAsync(voter.ConversationId))));
            Assert.Contains("How is Teams working for you?", form.ToJsonString(), StringComparison.Ordinal);
        }
        await bot.Connector.WaitForActivitiesAsync(Admin.ConversationId, 2);
        await bot.WaitUntilRecordedAsync(surveyId);

        var first = await AnswerAsync(bot, voters[0].Persona, surveyId, ["5", "0", "10", "It works"]);
        await AnswerAsync(bot, voters[1].Persona, surveyId, ["4", "0", "9", null]);
        await AnswerAsync(bot, voters[2].Persona, surveyId, ["2", "2", "3", null]);
        var change = await bot.ExecuteAsync(voters[2].Persona, SurveyVerbs.Change, new { surveyId, @for = voters[2].Persona.UserId });
        seen.Add("answered.en", first["value"]!);
        seen.Add("change.en", change["value"]!);
        Assert.Contains("\"value\":\"2\"", change["value"]!.ToJsonString(), StringComparison.Ordinal);
        await AnswerAsync(bot, voters[2].Persona, surveyId, ["3", "1", "6", null]);
        Assert.Contains("Thank you: your answers are saved.", CardReading.Said(first["value"]!), StringComparison.Ordinal);
        Assert.Contains("You answered 4 of 4 questions", CardReading.Said(first["value"]!), StringComparison.Ordinal);

        var closed = seen.Add("results.closed.en", (await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId }))["value"]!);
        var said = CardReading.Said(closed);
        Assert.Contains("3 of 6 people reached have answered.", said, StringComparison.Ordinal);
        Assert.Contains("Average 4.0 · favourable (4–5): 67%", said, StringComparison.Ordinal);
        Assert.Contains("Average 8.3 · promoters (9–10): 67%", said, StringComparison.Ordinal);
        Assert.Contains("Open answers are shown only when at least 5 people answered.", said, StringComparison.Ordinal);
        Assert.DoesNotContain("It works", closed.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("This survey is closed.", said, StringComparison.Ordinal);
        var csv = await CsvAsync(bot, closed);
        Assert.Contains("\"How is Teams working for you?\",\"Rating\",\"4\",\"1\",\"33\"", csv, StringComparison.Ordinal);

        var late = await AnswerAsync(bot, voters[3].Persona, surveyId, ["1", "0", "0", null]);
        Assert.Contains("This survey is closed. Your answers were not saved.", TextOf(late), StringComparison.Ordinal);
        Assert.Equal(3, (await Polls.PollStoreRows.ReadAsync(bot, SurveyStore.AnswersTable, surveyId)).Count);
        await seen.AssertAllParseAsync();
    }

    [Fact]
    public async Task UnSondeoEnEspañolVaDeLaPlantillaALosResultados()
    {
        var voters = Voters("ART", 5);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var admin = Admin.WithLocale("es-MX");
        var seen = new Seen();

        await bot.SayAsync(admin, "cuestionario");
        seen.Add("templates.es", SentCards.CardOf(Assert.Single(bot.SentTo(Admin))));
        var composer = seen.Add("composer.es", (await bot.ExecuteAsync(admin, SurveyVerbs.Template, new { template = "training" }))["value"]!);
        var values = ComposerValues(composer);
        Assert.StartsWith("varias* | ¿Sobre qué temas te gustaría recibir formación?", values["questions"], StringComparison.Ordinal);
        values["closeDate"] = "2099-01-01";
        var preview = await PreviewAsync(bot, admin, values);
        seen.Add("preview.es", preview["value"]!);
        Assert.Contains("Tiempo estimado", CardReading.Said(preview["value"]!), StringComparison.Ordinal);
        var surveyId = IdOf(preview);
        await bot.ExecuteAsync(admin, SurveyVerbs.Send, new { surveyId });
        foreach (var (_, voter) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(voter.ConversationId);
        }
        await bot.Connector.WaitForActivitiesAsync(Admin.ConversationId, 2);
        await bot.WaitUntilRecordedAsync(surveyId);

        var missing = await AnswerAsync(bot, voters[0].Persona.WithLocale("es-ES"), surveyId, [null, "1", "3", null]);
        Assert.Contains("Responde las preguntas obligatorias: 1. No se guardó nada.", TextOf(missing), StringComparison.Ordinal);
        Assert.Empty(await Polls.PollStoreRows.ReadAsync(bot, SurveyStore.AnswersTable, surveyId));
        for (var i = 0; i < 5; i++)
        {
            var answered = await AnswerAsync(bot, voters[i].Persona.WithLocale("es-ES"), surveyId, ["0,4", i < 3 ? "1" : "2", "4", $"Más vídeos cortos, por favor {i}"]);
            seen.Add("answered.es", answered["value"]!);
        }
        var closed = seen.Add("results.closed.es", (await bot.ExecuteAsync(admin, SurveyVerbs.Close, new { surveyId }))["value"]!);
        var said = CardReading.Said(closed);
        Assert.Contains("5 de 6 personas alcanzadas han respondido.", said, StringComparison.Ordinal);
        Assert.Contains("Reuniones de Teams: 5 (100%)", said, StringComparison.Ordinal);
        Assert.Contains("Más vídeos cortos, por favor 3", said, StringComparison.Ordinal);
        Assert.Contains("Palabras más frecuentes:", said, StringComparison.Ordinal);
        Assert.Contains("Este cuestionario está cerrado.", said, StringComparison.Ordinal);
        await seen.AssertAllParseAsync();
    }
}
