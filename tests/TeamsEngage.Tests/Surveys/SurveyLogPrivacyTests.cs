using System.Globalization;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

/// <summary>Someone reading every log line at every level while an anonymous survey is answered, reminded and closed.</summary>
public sealed class SurveyLogPrivacyTests
{
    private static readonly Dictionary<string, string?> EveryLevel = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
    };

    [Fact]
    public async Task NoLogLineOfAnAnonymousSurveyNamesARespondentAndOnlyNonRespondentsAreReminded()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters, EveryLevel);
        var surveyId = await SendAsync(bot, "rating* | Is the new rota fair? | 1; 2; 3; 4; 5", anonymous: true, audienceKind: "Departments", audienceValues: "SCI");
        foreach (var (_, person) in voters)
        {
            await bot.Connector.WaitForActivitiesAsync(person.ConversationId);
        }
        bot.Logs.Clear();

        foreach (var (_, respondent) in voters.Take(3))
        {
            await AnswerAsync(bot, respondent, surveyId, ["2"]);
        }
        await bot.ExecuteAsync(Admin, SurveyVerbs.Remind, new { surveyId });
        foreach (var (_, waiting) in voters.Skip(3))
        {
            await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
        }
        await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });
        await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, voters.Length);

        Assert.All(voters.Take(3), v => Assert.Single(bot.SentTo(v.Persona)));
        var records = bot.Logs.GetSnapshot();
        Assert.NotEmpty(records);
        var identities = voters.SelectMany(v => IdentitiesOf(v.Persona)).ToList();
        foreach (var record in records)
        {
            var text = string.Join('|', new[] { record.Message, record.Exception?.ToString() ?? "" }
                .Concat(record.StructuredState?.Select(p => p.Value ?? "") ?? [])
                .Concat(record.Scopes.Select(s => Convert.ToString(s, CultureInfo.InvariantCulture) ?? "")));
            Assert.All(identities, id => Assert.False(text.Contains(id, StringComparison.OrdinalIgnoreCase), $"a log line at {record.Level} from {record.Category} names a respondent: {record.Message}"));
        }
    }

    private static IEnumerable<string> IdentitiesOf(Persona persona) =>
        [persona.UserId, persona.AadObjectId, persona.ConversationId, DirectorySeeding.KeyOf(persona), DirectorySeeding.EmailOf(persona), StoreKey.Escape(persona.UserId), persona.Name];
}
