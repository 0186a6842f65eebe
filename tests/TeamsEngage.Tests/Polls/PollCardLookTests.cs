using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Features.Polls;
using TeamsEngage.Localization;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>Poll cards as the author and the voters see them: bars drawn with card layout, words that fit the numbers, zones shown.</summary>
public sealed class PollCardLookTests
{
    private static readonly object Composer = new { question = "Which training slot?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01", closeTime = "12:00" };

    [Theory]
    [InlineData("en-US", "Results (1 vote)", "1 (100%)")]
    [InlineData("es-MX", "Resultados (1 voto)", "1 (100 %)")]
    public async Task ResultsDrawEachBarWithColumnsAndCountOneVoteInTheSingular(string locale, string heading, string share)
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);
        await Eventually.TrueAsync(() => bot.SentTo(voters[0].Persona).Count > 0, "the ballot delivered");
        await VoteAsync(bot, voters[0].Persona, pollId, "0");

        var card = (await bot.ExecuteAsync(Admin.WithLocale(locale), PollVerbs.Results, new { pollId }))["value"]!;

        var json = card.ToJsonString();
        Assert.DoesNotContain("\u2588", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u2591", json, StringComparison.Ordinal);
        Assert.Contains(heading, CardReading.Texts(card));
        Assert.Contains(share, CardReading.Texts(card));
        Assert.Equal(["100", "0"], Bars(card));
        await AssertParsesAsync(card);
    }

    [Theory]
    [InlineData("en-US", "queued", "0 of 0")]
    [InlineData("es-MX", "en cola", "0 de 0")]
    public async Task RightAfterSendingTheResultsSayTheInvitationsAreQueuedInsteadOfZeroOfZero(string locale, string queued, string falseZero)
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("120"), times: 50);
        var preview = await bot.ExecuteAsync(Admin.WithLocale(locale), PollVerbs.Preview, Composer);
        var pollId = preview["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();

        var sent = (await bot.ExecuteAsync(Admin.WithLocale(locale), PollVerbs.Send, new { pollId }))["value"]!;

        var said = CardReading.Said(sent);
        Assert.DoesNotContain(falseZero, said, StringComparison.Ordinal);
        Assert.Contains(queued, said, StringComparison.Ordinal);
        Assert.Contains("3", said, StringComparison.Ordinal);
        await AssertParsesAsync(sent);
    }

    [Theory]
    [InlineData("en-US", "Closes")]
    [InlineData("es-MX", "Se cierra")]
    public async Task TheBallotAndTheResultsNameTheZoneOfTheClosingTime(string locale, string closes)
    {
        var voters = Voters("SCI", 3).Select(v => (v.Department, v.Persona.WithLocale(locale))).ToArray();
        await using var bot = await StartAsync(voters);
        var (pollId, _) = await ComposeAndSendAsync(bot, Composer);
        var ballot = SentCards.CardOf((await bot.Connector.WaitForActivitiesAsync(voters[0].Item2.ConversationId))[0]);

        var results = (await bot.ExecuteAsync(Admin.WithLocale(locale), PollVerbs.Results, new { pollId }))["value"]!;

        Assert.EndsWith("(UTC)", Assert.Single(CardReading.Texts(results), t => t.StartsWith(closes, StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (var card in new[] { ballot, results })
        {
            var closing = Assert.Single(CardReading.Texts(card), t => t.StartsWith(closes, StringComparison.Ordinal));
            // A common US zone by its short name in the reader's language, another by its IANA id, else UTC.
            var labels = PeopleTime.CommonZones.Select(z => System.Text.RegularExpressions.Regex.Escape(PeopleTime.ZoneLabel(z, Texts.For(locale))));
            Assert.Matches($@" \((UTC|[A-Za-z]+/[A-Za-z_]+|{string.Join('|', labels)})\)$", closing);
        }
    }

    [Theory]
    [InlineData("en-US", "Send poll", "Edit", "Discard", "draft was discarded")]
    [InlineData("es-MX", "Enviar encuesta", "Editar", "Descartar", "se ha descartado")]
    public async Task ThePreviewIsTheRealBallotWithSendEditAndDiscard(string locale, string send, string edit, string discard, string discarded)
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        var admin = Admin.WithLocale(locale);

        var preview = (await bot.ExecuteAsync(admin, PollVerbs.Preview, Composer))["value"]!;

        Assert.Equal([send, edit, discard], CardReading.ActionTitles(preview));
        var choices = FindAll(preview, "Input.ChoiceSet").Single(c => c["id"]!.GetValue<string>() == PollCards.ChoiceInput);
        Assert.Equal(["Monday", "Wednesday"], choices["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.DoesNotContain(CardReading.Texts(preview), t => t.StartsWith('•'));
        await AssertParsesAsync(preview);
        var pollId = preview["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();

        var composer = (await bot.ExecuteAsync(admin, PollVerbs.Edit, new { pollId }))["value"]!;
        var revise = composer["actions"]![0]!;
        Assert.Equal(PollVerbs.Revise, revise["verb"]!.GetValue<string>());
        Assert.Contains("Which training slot?", composer.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("2099-01-01", composer.ToJsonString(), StringComparison.Ordinal);
        await AssertParsesAsync(composer);
        var revised = (await bot.ExecuteAsync(admin, PollVerbs.Revise, new { pollId, question = "Which slot, then?", options = "Monday\nFriday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01", closeTime = "12:00" }))["value"]!;
        Assert.Contains("Which slot, then?", CardReading.Said(revised), StringComparison.Ordinal);
        Assert.Equal(pollId, revised["actions"]![0]!["data"]!["pollId"]!.GetValue<string>());

        var gone = await bot.ExecuteAsync(admin, PollVerbs.Discard, new { pollId });

        using var home = Fixtures.InHomeTenant();
        Assert.Contains(discarded, TextOf(gone), StringComparison.Ordinal);
        Assert.Null(await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None));
        Assert.Empty(voters.SelectMany(v => bot.SentTo(v.Persona)));
    }

    [Fact]
    public async Task ASentPollCannotBeEditedOrDiscardedAndSomeoneElsesDraftIsNotTheirs()
    {
        var voters = Voters("SCI", 3);
        var other = Persona.Create("Omar Admin", "omar-admin");
        await using var bot = await DirectorySeeding.StartAsync(
            "SCI department,SCI,,,24",
            string.Join('\n', voters.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},SCI,member,")),
            [Admin, other],
            [Admin, other, .. voters.Select(v => v.Persona)],
            Outbox.OutboxHost.FastSettings());
        var draftId = (await bot.ExecuteAsync(Admin, PollVerbs.Preview, Composer))["value"]!["actions"]![0]!["data"]!["pollId"]!.GetValue<string>();
        var (sentId, _) = await ComposeAndSendAsync(bot, Composer);

        var othersEdit = await bot.ExecuteAsync(other, PollVerbs.Edit, new { pollId = draftId });
        var othersDiscard = await bot.ExecuteAsync(other, PollVerbs.Discard, new { pollId = draftId });
        var sentDiscard = await bot.ExecuteAsync(Admin, PollVerbs.Discard, new { pollId = sentId });
        var sentEdit = await bot.ExecuteAsync(Admin, PollVerbs.Edit, new { pollId = sentId });

        using var home = Fixtures.InHomeTenant();
        Assert.All([othersEdit, othersDiscard], r => Assert.Equal("Only the poll's author can do that.", TextOf(r)));
        Assert.All([sentDiscard, sentEdit], r => Assert.Contains("already been sent", TextOf(r), StringComparison.Ordinal));
        var polls = bot.Services.GetRequiredService<PollStore>();
        Assert.Equal(PollStatus.Draft, (await polls.FindAsync(draftId, CancellationToken.None))!.Status);
        Assert.Equal(PollStatus.Open, (await polls.FindAsync(sentId, CancellationToken.None))!.Status);
    }

    private static Task<BotApplication> StartAsync(IEnumerable<(string Department, Persona Persona)> voters) => PollHost.StartAsync(voters);

    // Each option's bar is a row of empty styled columns: the width of its accent column is the share drawn ("0" when none is).
    private static List<string> Bars(JsonNode card) =>
        [.. FindAll(card, "ColumnSet")
            .Where(set => set["columns"]!.AsArray().All(c => c!["items"] is not JsonArray { Count: > 0 } && c["style"] is not null))
            .Select(set => set["columns"]!.AsArray().FirstOrDefault(c => c!["style"]!.GetValue<string>() == "accent")?["width"]!.ToString() ?? "0")];

    private static IEnumerable<JsonObject> FindAll(JsonNode? node, string type)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == type)
                {
                    yield return obj;
                }
                foreach (var (_, child) in obj)
                {
                    foreach (var found in FindAll(child, type))
                    {
                        yield return found;
                    }
                }
                break;
            case JsonArray array:
                foreach (var found in array.SelectMany(child => FindAll(child, type)))
                {
                    yield return found;
                }
                break;
        }
    }

    private static async Task AssertParsesAsync(JsonNode card)
    {
        var report = await AdaptiveCardsParser.ValidateAsync("poll", card);
        Assert.True(report.IsValid, report.ToString());
    }
}
