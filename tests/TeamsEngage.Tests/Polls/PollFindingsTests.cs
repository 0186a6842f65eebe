using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TeamsEngage.Features.Polls;
using TeamsEngage.Outbox;
using TeamsEngage.Testing.Cards;
using TeamsEngage.Testing.Connector;
using TeamsEngage.Testing.Waiting;
using TeamsEngage.Tests.Support;
using static TeamsEngage.Tests.Polls.PollHost;

namespace TeamsEngage.Tests.Polls;

/// <summary>Ines (administrator) polls the Science department, closes the poll and shares back what she found.</summary>
public sealed class PollFindingsTests
{
    private const string Learned = "Most of you prefer Wednesday afternoons.";
    private const string NextSteps = "Training moves to Wednesdays at 3pm from January.";

    [Fact]
    public async Task TheAuthorSharesFindingsOnceAndEveryoneInTheAudienceGetsThemWithTheResultsInTheirLanguage()
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        await bot.ExecuteAsync(voters[2].Persona, "profile.save", new { department = "SCI", language = "es" });
        var pollId = await ClosedPollAsync(bot, voters);

        var composer = Card(await bot.ExecuteAsync(Admin, PollVerbs.Findings, new { pollId }));
        var preview = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsPreview, new { pollId, learned = Learned, nextSteps = NextSteps, withResults = "true" }));
        var shared = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, Data(preview)));

        Assert.Equal(["input:learned", "input:nextSteps", "input:withResults", "input:cites"], CardReading.BodyOutline(composer).Where(e => e.StartsWith("input:", StringComparison.Ordinal)));
        Assert.Contains("these findings go to the 4 people in the poll's audience", CardReading.Said(preview), StringComparison.Ordinal);
        var english = await bot.FindingsCardAsync(voters[0].Persona, Learned);
        var spanish = await bot.FindingsCardAsync(voters[2].Persona, Learned);
        Assert.Contains(Learned, CardReading.Said(english), StringComparison.Ordinal);
        Assert.Contains(NextSteps, CardReading.Said(english), StringComparison.Ordinal);
        Assert.Contains("3 people answered", CardReading.Said(english), StringComparison.Ordinal);
        Assert.Contains("2 (67%)", CardReading.Said(english), StringComparison.Ordinal);
        Assert.Contains("Lo que aprendimos", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.Contains("Respondieron 3 personas", CardReading.Said(spanish), StringComparison.Ordinal);
        Assert.DoesNotContain("Share findings", CardReading.ActionTitles(shared));
        var status = await Eventually.ValueAsync(
            async () => Card(await bot.ExecuteAsync(Admin, PollVerbs.Results, new { pollId })),
            c => CardReading.Said(c).Contains("delivered to 4 of 4 people", StringComparison.Ordinal),
            "the findings' reach on the results card");

        var again = await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = "Something else", nextSteps = "Other plans" });
        Assert.Contains("already been shared", TextOf(again), StringComparison.Ordinal);
        Assert.Single(bot.FindingsCards(voters[0].Persona, Learned));
        var reports = await AdaptiveCardsParser.ValidateAsync([("composer", composer), ("preview", preview), ("findings.en", english), ("findings.es", spanish), ("results", status)]);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    [Fact]
    public async Task FindingsAreRefusedToAnyoneButTheAuthorBeforeClosingAndWithoutTextAndNothingIsSent()
    {
        var voters = Voters("SCI", 3);
        var otherAdmin = Persona.Create("Omar Admin", "omar-admin");
        var people = string.Join('\n', voters.Select(v => $"{DirectorySeeding.EmailOf(v.Persona)},SCI,member,"));
        await using var bot = await DirectorySeeding.StartAsync("SCI department,SCI,,,24", people, [Admin, otherAdmin], [Admin, otherAdmin, .. voters.Select(v => v.Persona)], Outbox.OutboxHost.FastSettings());
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which day?", options = "Monday\nWednesday", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        var text = new { pollId, learned = Learned, nextSteps = NextSteps };

        var whileOpen = await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, text);
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });
        var byMember = await bot.ExecuteAsync(voters[0].Persona, PollVerbs.FindingsSend, text);
        var byOtherAdmin = await bot.ExecuteAsync(otherAdmin, PollVerbs.FindingsSend, text);
        var empty = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = "  ", nextSteps = NextSteps }));
        var unknown = await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId = "ffffffffffffffffffffffffffffffff", learned = Learned, nextSteps = NextSteps });

        Assert.Contains("once the poll has closed", TextOf(whileOpen), StringComparison.Ordinal);
        Assert.DoesNotContain(Learned, TextOf(byMember), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.activity.message", TypeOf(byMember));
        Assert.Equal("application/vnd.microsoft.activity.message", TypeOf(byOtherAdmin));
        Assert.Contains("Say what you learned and what you will do next.", CardReading.Said(empty), StringComparison.Ordinal);
        Assert.Contains("cannot find that poll", TextOf(unknown), StringComparison.Ordinal);
        var poll = await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None);
        Assert.Null(poll!.Findings);
        Assert.Null(await bot.Services.GetRequiredService<IOutbox>().ReadProgressAsync(PollFindingsDesk.BroadcastId(pollId)));
    }

    [Fact]
    public async Task AnAnonymousPollsFindingsWithTooFewAnswersShowNoNumberAtAll()
    {
        var voters = Voters("SCI", 6);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Is the Wi-Fi reliable?", options = "Yes\nNo", anonymous = "true", audienceKind = "Departments", audienceValues = "SCI", closeDate = "2099-01-01" });
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count > 0), "the ballots delivered");
        await VoteAsync(bot, voters[0].Persona, pollId, "1");
        await VoteAsync(bot, voters[1].Persona, pollId, "1");
        await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId });

        await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = Learned, nextSteps = NextSteps, withResults = "true" });

        var card = await bot.FindingsCardAsync(voters[3].Persona, Learned);
        // Every text but the sharing date (whose clock time may hold any digit) and the author's own words.
        var said = string.Join('\n', CardReading.Texts(card).Where(t => !t.StartsWith("Shared ", StringComparison.Ordinal)));
        Assert.Contains("Too few people answered", said, StringComparison.Ordinal);
        Assert.DoesNotContain("answered:", said, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b2\b", said.Replace(Learned, "", StringComparison.Ordinal).Replace(NextSteps, "", StringComparison.Ordinal));
        Assert.DoesNotContain("%", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindingsSurviveThrottlingAndASendCutShortAndReachEachPersonExactlyOnce()
    {
        var voters = Voters("SCI", 4);
        var failOnce = new FailFirstQueue();
        await using var bot = await StartAsync(voters, services: failOnce.Install);
        using var home = Fixtures.InHomeTenant();
        var pollId = await ClosedPollAsync(bot, voters);
        bot.Connector.Enqueue(ConnectorRoute.Send, StubReply.Throttled("1"), times: 2);

        var cut = await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = Learned, nextSteps = NextSteps });
        var again = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = "A second wording", nextSteps = "A second plan" }));

        Assert.Equal(1, failOnce.Failures);
        Assert.NotEqual("application/vnd.microsoft.card.adaptive", TypeOf(cut));
        Assert.Contains("Findings shared", CardReading.Said(again), StringComparison.Ordinal);
        await Eventually.TrueAsync(() => voters.All(v => bot.FindingsCards(v.Persona, Learned).Count == 1), "every voter's findings");
        var records = await Eventually.ValueAsync(
            async () => await bot.Services.GetRequiredService<IOutbox>().ReadDeliveriesAsync(PollFindingsDesk.BroadcastId(pollId)).ToListAsync(),
            r => r.Count == 5 && r.All(d => d.Status == DeliveryStatus.Sent),
            "every delivery sent");
        Assert.Equal(5, records.Select(r => r.PersonKey).Distinct().Count());
        Assert.All(voters, v => Assert.Contains(Learned, CardReading.Said(bot.FindingsCards(v.Persona, Learned)[0]), StringComparison.Ordinal));
        Assert.Contains(bot.Connector.RequestsWhere(r => r.Route == ConnectorRoute.Send), r => r.ResponseStatus == 429);
    }

    [Fact]
    public async Task FindingsCiteTheFeedbackTheyAnswerAndAnUnknownItemIsRefusedWithNothingShared()
    {
        var voters = Voters("SCI", 3);
        await using var bot = await StartAsync(voters);
        using var home = Fixtures.InHomeTenant();
        var itemId = await Feedback.FeedbackWorld.FileAsync(bot, voters[1].Persona, "Please move the training to Wednesdays");
        var pollId = await ClosedPollAsync(bot, voters);

        var unknown = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, new { pollId, learned = Learned, nextSteps = NextSteps, cites = $"{itemId}, FB-NOPE99" }));
        var nothingShared = (await bot.Services.GetRequiredService<PollStore>().FindAsync(pollId, CancellationToken.None))!.Findings;
        var preview = Card(await bot.ExecuteAsync(Admin, PollVerbs.FindingsPreview, new { pollId, learned = Learned, nextSteps = NextSteps, cites = itemId.ToLowerInvariant() }));
        await bot.ExecuteAsync(Admin, PollVerbs.FindingsSend, Data(preview));

        Assert.Contains("There is no feedback FB-NOPE99.", CardReading.Said(unknown), StringComparison.Ordinal);
        Assert.Null(nothingShared);
        var card = await bot.FindingsCardAsync(voters[0].Persona, Learned);
        Assert.Contains("In answer to your feedback", CardReading.Said(card), StringComparison.Ordinal);
        Assert.Contains(itemId, CardReading.Said(card), StringComparison.Ordinal);
        Assert.Contains("Please move the training to Wednesdays (1 people raised or supported it)", CardReading.Said(card), StringComparison.Ordinal);
        var reports = await AdaptiveCardsParser.ValidateAsync([("cites.preview", preview), ("cites.findings", card)]);
        Assert.All(reports, r => Assert.True(r.IsValid, r.ToString()));
    }

    private static async Task<string> ClosedPollAsync(BotApplication bot, (string Department, Persona Persona)[] voters)
    {
        var (pollId, _) = await ComposeAndSendAsync(bot, new { question = "Which training day?", options = "Monday\nWednesday", closeDate = "2099-01-01" });
        await Eventually.TrueAsync(() => voters.All(v => bot.SentTo(v.Persona).Count > 0), "the ballots delivered");
        await VoteAsync(bot, voters[0].Persona, pollId, "1");
        await VoteAsync(bot, voters[1].Persona, pollId, "1");
        await VoteAsync(bot, voters[2].Persona, pollId, "0");
        var closed = Card(await bot.ExecuteAsync(Admin, PollVerbs.Close, new { pollId }));
        Assert.Contains("Share findings", CardReading.ActionTitles(closed));
        return pollId;
    }

    private static JsonNode Card(JsonObject response) => response["value"]!;

    private static JsonNode Data(JsonNode preview) => FindingsReading.SendData(preview, PollVerbs.FindingsSend);

    /// <summary>An outbox whose first queuing of findings fails, as a process dying between storing and queuing would.</summary>
    private sealed class FailFirstQueue
    {
        public int Failures { get; private set; }

        /// <summary>Puts this in front of the outbox the bot registers.</summary>
        public void Install(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IOutbox));
            services.Replace(ServiceDescriptor.Singleton<IOutbox>(sp => new Failing((IOutbox)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!), this)));
        }

        private sealed class Failing(IOutbox inner, FailFirstQueue owner) : IOutbox
        {
            public Task QueueBroadcastAsync(BroadcastRequest request, BroadcastAudienceSpec audience, CancellationToken cancellationToken = default)
            {
                if (request.Kind == PollFindingsDesk.CardKind && owner.Failures == 0)
                {
                    owner.Failures++;
                    throw new IOException("The process died before the findings were queued.");
                }
                return inner.QueueBroadcastAsync(request, audience, cancellationToken);
            }

            public Task<string> EnqueueAsync(OutboxMessage message, CancellationToken cancellationToken = default) => inner.EnqueueAsync(message, cancellationToken);
            public Task<string> EnqueueUpdateAsync(OutboxUpdate update, CancellationToken cancellationToken = default) => inner.EnqueueUpdateAsync(update, cancellationToken);
            public Task<BroadcastReceipt> StartBroadcastAsync(BroadcastRequest request, IAsyncEnumerable<BroadcastRecipient> recipients, CancellationToken cancellationToken = default) => inner.StartBroadcastAsync(request, recipients, cancellationToken);
            public Task<BroadcastProgress?> ReadProgressAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadProgressAsync(broadcastId, cancellationToken);
            public Task<int> UpdateDeliveredAsync(string broadcastId, string kind, string payload, CancellationToken cancellationToken = default) => inner.UpdateDeliveredAsync(broadcastId, kind, payload, cancellationToken);
            public Task<int> CancelPendingAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.CancelPendingAsync(broadcastId, cancellationToken);
            public IAsyncEnumerable<DeliveryRecord> ReadDeliveriesAsync(string broadcastId, CancellationToken cancellationToken = default) => inner.ReadDeliveriesAsync(broadcastId, cancellationToken);
        }
    }
}
