using TeamsEngage.Bot;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TeamsEngage.Conversations;
using TeamsEngage.Features.Polls;
using TeamsEngage.People;
using TeamsEngage.Storage;

namespace TeamsEngage.Bench.Votes;

/// <summary>An open poll with N recipients written through the feature's own store, and the invokes its voters send.</summary>
internal static class VoteSeeding
{
    private static readonly string[] Departments = ["SCI", "MATH", "ART", "ENG", "PE"];

    public static async Task<string> SeedPollAsync(IServiceProvider services, int voters)
    {
        // Seeding writes the district's tables, as a turn of the voters' tenant would.
        using var scope = TenantScope.Enter(Tenant);
        var polls = services.GetRequiredService<PollStore>();
        var spec = new PollSpec("Which training time works best?", ["Monday 3pm", "Tuesday 3pm", "Wednesday 3pm", "Thursday 3pm"], false, false, false, ResultsVisibility.Live, DateTimeOffset.UtcNow.AddDays(1), Audience.Everyone);
        var draft = await polls.CreateDraftAsync(new Poll(PollStore.NewId(), spec, "29:bench-author", "Bench", PollStatus.Draft, DateTimeOffset.UtcNow), CancellationToken.None);
        await polls.OpenAsync(draft, CancellationToken.None);
        var open = await polls.UpdateAsync(draft with { Status = PollStatus.Open, Recipients = voters }, CancellationToken.None);
        var recipients = Enumerable.Range(0, voters).Select(i => new PollRecipient(UserId(i), "person-" + i.ToString(CultureInfo.InvariantCulture), Departments[i % Departments.Length], nameof(Role.Member))).ToList();
        await polls.AddRecipientsAsync(open.Id, recipients, CancellationToken.None);
        return open.Id;
    }

    /// <summary>
    /// A poll reaches only people who installed the bot, so every voter is already in the directory and has a
    /// conversation reference before the first vote, exactly as an install would have left them. Not measured.
    /// </summary>
    public static async Task SeedVotersAsync(IServiceProvider services, int voters, Uri serviceUrl)
    {
        using var scope = TenantScope.Enter(Tenant);
        var editor = services.GetRequiredService<PeopleEditor>();
        // A store of its own, so the bot's instance has not seen these references: like a bot restarted since the
        // installs, it writes each voter's reference again on their first activity.
        var references = new ConversationReferenceStore(services.GetRequiredService<ITableStore>());
        await Parallel.ForAsync(0, voters, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            await editor.RecordContactAsync(new Contact(AadId(i), UserId(i), "Voter", null, MemberChecked: true), ct);
            await references.RefreshAsync(new ConversationReference(UserId(i), AadId(i), "Voter", serviceUrl.ToString(), ConversationId(i), Tenant, BotId, "en-US", null), ct);
        });
    }

    /// <summary>Voter i picks option i mod 4: see <see cref="ExpectedCounts"/>.</summary>
    public static string InvokeJson(string pollId, int i, Uri serviceUrl) => JsonSerializer.Serialize(new
    {
        type = "invoke",
        name = "adaptiveCard/action",
        id = "bench-" + i.ToString(CultureInfo.InvariantCulture),
        serviceUrl = serviceUrl.ToString(),
        channelId = "msteams",
        from = new { id = UserId(i), name = "Voter", aadObjectId = AadId(i) },
        conversation = new { conversationType = "personal", id = ConversationId(i), tenantId = Tenant },
        recipient = new { id = BotId, name = "TeamsEngage" },
        replyToId = "1",
        value = new { action = new { type = "Action.Execute", verb = PollVerbs.Vote, data = new { pollId, @for = UserId(i), choice = (i % 4).ToString(CultureInfo.InvariantCulture) } }, trigger = "manual" },
        channelData = new { tenant = new { id = Tenant } },
        locale = "en-US",
    });

    public static int[] ExpectedCounts(int voters)
    {
        var counts = new int[4];
        for (var i = 0; i < voters; i++)
        {
            counts[i % 4]++;
        }
        return counts;
    }

    public static Task<PollTally> CountAsync(IServiceProvider services, string pollId)
    {
        var polls = services.GetRequiredService<PollStore>();
        var votes = services.GetRequiredService<VoteStore>();
        return CountFreshAsync(polls, votes, pollId);
    }

    private static async Task<PollTally> CountFreshAsync(PollStore polls, VoteStore votes, string pollId)
    {
        using var scope = TenantScope.Enter(Tenant);
        return await votes.CountAsync((await polls.FindAsync(pollId, CancellationToken.None))!, CancellationToken.None);
    }

    private const string Tenant = "5b0c7a1e-2f4d-4c83-9e6a-b7d1c2f3a4e5";
    private const string BotId = "28:bench-bot";

    private static string ConversationId(int i) => "a:bench-" + i.ToString(CultureInfo.InvariantCulture);

    private static string UserId(int i) => "29:bench-voter-" + i.ToString(CultureInfo.InvariantCulture);

    private static string AadId(int i) => new Guid(i, 0, 0, new byte[8]).ToString();
}
