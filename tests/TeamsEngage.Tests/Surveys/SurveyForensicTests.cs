using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Surveys;
using TeamsEngage.Storage;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Tests.Outbox;
using TeamsEngage.Tests.Polls;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;
using static TeamsEngage.Tests.Surveys.SurveyHost;

namespace TeamsEngage.Tests.Surveys;

/// <summary>
/// Someone with a copy of the embedded store's files after an anonymous survey closed, and the directory in hand: no
/// page of the database, its write-ahead log or its index holds the key secret or a respondent key, and no page of
/// answers names a person (the same reading as <see cref="PollForensicTests"/>, with its helpers).
/// </summary>
public sealed class SurveyForensicTests
{
    private static readonly Persona Liaison = Persona.Create("Lia Science", "lia-science");

    [Fact]
    public async Task AfterAnAnonymousSurveyClosesNoByteOfTheStoreLinksAnAnswerToAPerson()
    {
        var closed = await ClosedAnonymousSurvey.RunAsync(OutboxHost.FastSettings());
        await using var bot = closed.Bot;

        var pages = StorePages.Read(bot.DataDirectory);
        Assert.NotEmpty(pages);
        Assert.All(pages, page =>
        {
            Assert.False(page.Bytes.AsSpan().IndexOf(closed.Secret) >= 0, $"the survey secret is in {page.Where}");
            StorePages.AssertAbsent(page, Convert.ToBase64String(closed.Secret), "the survey secret");
            closed.Tokens.ForEach(token => StorePages.AssertAbsent(page, token, "a respondent key"));
            if (page.Contains("\"Answers\""))
            {
                closed.Identities.ForEach(id => StorePages.AssertAbsent(page, id, "a respondent's id on a page of answers"));
                StorePages.AssertAbsent(page, "\"Role\"", "a role on an answer row");
            }
        });
        await AssertStoredRowsAreUnlinkableAsync(closed);
    }

    /// <summary>Through the store's own reading: twelve answer rows keyed at random with a large group only, and no secret row.</summary>
    internal static async Task AssertStoredRowsAreUnlinkableAsync(ClosedAnonymousSurvey closed)
    {
        var rows = await PollStoreRows.ReadAsync(closed.Bot, SurveyStore.AnswersTable, closed.SurveyId);
        Assert.Equal(12, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.StartsWith("s", row.RowKey, StringComparison.Ordinal);
            Assert.Subset(new HashSet<string> { "Answers", "Department" }, row.Properties.Keys.ToHashSet());
            Assert.Contains(row.GetString("Department"), new[] { "SCI", "ART" });
        });
        Assert.Equal(["survey"], (await PollStoreRows.ReadAsync(closed.Bot, SurveyStore.SurveysTable, closed.SurveyId)).Select(r => r.RowKey));
    }

    /// <summary>
    /// An anonymous survey to Science (5 members and their liaison) and Art (6), with a breakdown by department: five answer,
    /// the rest are reminded and answer, then it closes. What an attacker reads afterwards is checked against what was
    /// known before closing: the key secret, every respondent key, and every identity of everyone asked.
    /// </summary>
    internal sealed record ClosedAnonymousSurvey(BotApplication Bot, string SurveyId, byte[] Secret, List<string> Tokens, List<string> Identities)
    {
        public static async Task<ClosedAnonymousSurvey> RunAsync(IReadOnlyDictionary<string, string?> settings)
        {
            List<(string Department, Persona Persona)> members = [.. Voters("SCI", 5), .. Voters("ART", 6)];
            var everyone = members.Select(m => m.Persona).Append(Liaison).ToList();
            var bot = await DirectorySeeding.StartAsync(
                $"Science department,SCI,{DirectorySeeding.EmailOf(Liaison)},,24\nArt department,ART,,,24",
                string.Join('\n', members.Select(m => $"{DirectorySeeding.EmailOf(m.Persona)},{m.Department},member,").Append($"{DirectorySeeding.EmailOf(Liaison)},SCI,member,")),
                [Admin],
                [Admin, .. everyone],
                settings);
            var surveyId = await SendAsync(bot, "rating* | Is the new rota fair? | 1; 2; 3; 4; 5\ntext | Why?", anonymous: true, breakdown: "Department", audienceKind: "Departments", audienceValues: "SCI,ART");
            foreach (var person in everyone)
            {
                await bot.Connector.WaitForActivitiesAsync(person.ConversationId);
            }
            byte[] secret;
            using (Fixtures.InHomeTenant())
            {
                secret = (await bot.Services.GetRequiredService<ITableStore>().Table(SurveyStore.SurveysTable).GetAsync(surveyId, "secret"))!.GetBinary("Key")!;
            }
            var early = everyone.Take(4).Append(Liaison).ToList();
            foreach (var respondent in early)
            {
                await AnswerAsync(bot, respondent, surveyId, [respondent == Liaison ? "1" : "4", "Shifts are uneven"]);
            }
            await bot.ExecuteAsync(Admin, SurveyVerbs.Remind, new { surveyId });
            foreach (var waiting in everyone.Except(early))
            {
                await bot.Connector.WaitForActivitiesAsync(waiting.ConversationId, 2);
                await AnswerAsync(bot, waiting, surveyId, ["3", null]);
            }
            var tokens = await PollStoreRows.KeysAsync(bot, SurveyStore.AnswersTable, surveyId);
            Assert.Equal(12, tokens.Count);
            Assert.All(tokens, t => Assert.StartsWith("h", t, StringComparison.Ordinal));

            await bot.ExecuteAsync(Admin, SurveyVerbs.Close, new { surveyId });
            await bot.Connector.WaitForAsync(r => r.Route == ConnectorRoute.Update && r.Succeeded, everyone.Count);
            return new ClosedAnonymousSurvey(bot, surveyId, secret, [.. tokens], [.. everyone.SelectMany(IdentitiesOf)]);
        }
    }

    private static IEnumerable<string> IdentitiesOf(Persona persona) =>
        [persona.UserId, persona.AadObjectId, DirectorySeeding.KeyOf(persona), DirectorySeeding.EmailOf(persona), StoreKey.Escape(persona.UserId)];
}
