using System.Text.Json.Nodes;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Tests.Support;
using TeamsEngage.Testing.Cards;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Surveys;

/// <summary>Survey steps at the HTTP boundary, on the seeded bot of the poll tests (<see cref="Polls.PollHost"/>).</summary>
internal static class SurveyHost
{
    /// <summary>Every card a test saw, to be run through the official parser at its end.</summary>
    public sealed class Seen
    {
        private readonly List<(string Name, JsonNode Card)> _cards = [];

        public JsonNode Add(string name, JsonNode card)
        {
            _cards.Add((name, card));
            return card;
        }

        public async Task AssertAllParseAsync()
        {
            var reports = await AdaptiveCardsParser.ValidateAsync(_cards);
            Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
        }
    }

    /// <summary>The composer's values as a template fills them, read from the composer card the bot answered with.</summary>
    public static Dictionary<string, string?> ComposerValues(JsonNode composer) =>
        composer["body"]!.AsArray().Where(e => e!["id"] is not null && e["value"] is not null)
            .ToDictionary(e => e!["id"]!.GetValue<string>(), e => (string?)e!["value"]!.GetValue<string>());

    /// <summary>Previews a survey from the composer's values; returns the preview (or the composer with its error).</summary>
    public static async Task<JsonObject> PreviewAsync(BotApplication bot, Persona author, IDictionary<string, string?> values) =>
        await bot.ExecuteAsync(author, SurveyVerbs.Preview, values);

    /// <summary>The survey id on a preview's Send button.</summary>
    public static string IdOf(JsonObject preview)
    {
        var send = preview["value"]!["actions"]![0]!;
        Assert.Equal(SurveyVerbs.Send, send["verb"]!.GetValue<string>());
        return send["data"]!["surveyId"]!.GetValue<string>();
    }

    /// <summary>Composes (questions as lines), previews and sends as the administrator; returns the id.</summary>
    public static async Task<string> SendAsync(BotApplication bot, string questions, bool anonymous = false, string breakdown = "None", string audienceKind = "Everyone", string? audienceValues = null)
    {
        var preview = await PreviewAsync(bot, Admin, new Dictionary<string, string?>
        {
            ["title"] = "Pulse",
            ["questions"] = questions,
            ["anonymous"] = anonymous ? "true" : "false",
            ["breakdown"] = breakdown,
            ["closeDate"] = "2099-01-01",
            ["audienceKind"] = audienceKind,
            ["audienceValues"] = audienceValues,
        });
        var surveyId = IdOf(preview);
        var sent = await bot.ExecuteAsync(Admin, SurveyVerbs.Send, new { surveyId });
        Assert.Equal("application/vnd.microsoft.card.adaptive", TypeOf(sent));
        return surveyId;
    }

    /// <summary>Submits answers (<c>q0</c>, <c>q1</c>, …) as the respondent, from a card rendered for <paramref name="cardOwner"/>.</summary>
    public static Task<JsonObject> AnswerAsync(BotApplication bot, Persona respondent, string surveyId, IReadOnlyList<string?> values, Persona? cardOwner = null)
    {
        var data = new Dictionary<string, string?> { ["surveyId"] = surveyId, ["for"] = (cardOwner ?? respondent).UserId };
        for (var i = 0; i < values.Count; i++)
        {
            data[$"q{i}"] = values[i];
        }
        return bot.ExecuteAsync(respondent, SurveyVerbs.Answer, data);
    }

    public static async Task<JsonNode> ResultsAsync(BotApplication bot, Persona who, string surveyId, string? by = null) =>
        (await bot.ExecuteAsync(who, SurveyVerbs.Results, new { surveyId, by }))["value"]!;

    public static async Task<string> CsvAsync(BotApplication bot, JsonNode results)
    {
        var link = results["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>();
        using var response = await bot.Http.GetAsync(new Uri(link).PathAndQuery);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
    }
}
